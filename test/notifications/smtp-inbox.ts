import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  /** Headers and body, quoted-printable decoded. */
  text: string;
  subject: string;
  messageId: string;
  /** The message as sent, for a MIME parser (attachments). */
  raw: Buffer;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read a plain-text mail. */
function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** Holds the next message's acceptance until `release` (a slow mail server). */
export interface HeldDelivery {
  /** Resolves once a message has arrived and is being held. */
  arrived: Promise<void>;
  release(): void;
}

export interface SmtpInbox {
  url: string;
  received: ReceivedMail[];
  holdNextDelivery(): HeldDelivery;
  /** Resolves once `count` messages have arrived; rejects after 10 s. */
  receivedAtLeast(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server on a random local port that keeps what it receives. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: ReceivedMail[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const wake = () => {
    for (const waiter of waiters.filter((w) => received.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  let held: { arrive: () => void; released: Promise<void> } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      const hold = held;
      held = null;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const accept = () => {
          const raw = Buffer.concat(chunks);
          const text = decodeQuotedPrintable(raw.toString('latin1'));
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            text,
            subject: /^Subject: (.*)$/m.exec(text)?.[1]?.trim() ?? '',
            messageId: /^Message-ID: (.*)$/im.exec(text)?.[1]?.trim() ?? '',
            raw,
          });
          wake();
          callback();
        };
        if (!hold) return accept();
        hold.arrive();
        void hold.released.then(accept);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    holdNextDelivery() {
      let arrive: () => void = () => undefined;
      let release: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      held = { arrive, released: new Promise<void>((resolve) => (release = resolve)) };
      return { arrived, release };
    },
    receivedAtLeast(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${received.length} of ${count} emails arrived`)), 10_000);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
