import { startSmtpInbox, type SmtpInbox } from '../notifications/smtp-inbox.js';
import { startTestSystem, type TestSystem, type TestSystemOptions } from './test-system.js';

export interface SystemWithInbox {
  system: TestSystem;
  inbox: SmtpInbox;
}

/**
 * Registers a suite's hooks for a test system that mails a real SMTP inbox: both start once,
 * and every test begins with an empty database and an empty inbox. Read the fields inside tests.
 */
export function useSystemWithInbox(options: TestSystemOptions = {}): SystemWithInbox {
  const ctx = {} as SystemWithInbox;
  beforeAll(async () => {
    ctx.inbox = await startSmtpInbox();
    ctx.system = await startTestSystem({ ...options, config: { ...options.config, SMTP_URL: ctx.inbox.url } });
  });
  beforeEach(async () => {
    await ctx.system.reset();
    ctx.inbox.received.length = 0;
  });
  afterAll(async () => {
    await ctx.system.close();
    await ctx.inbox.close();
  });
  return ctx;
}
