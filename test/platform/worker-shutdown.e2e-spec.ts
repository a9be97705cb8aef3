import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createLogger, QUEUES, QueueRegistry } from '@app/platform';
import { publishedMentor, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { startSmtpInbox, type SmtpInbox } from '../notifications/smtp-inbox.js';

describe('worker shutdown', () => {
  let inbox: SmtpInbox;
  let system: TestSystem;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    // The api alone: this test owns the worker, to stop it in the middle of a job.
    system = await startTestSystem({ config: { SMTP_URL: inbox.url } });
    await system.reset();
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(system.config, createLogger('test', system.config.LOG_LEVEL)),
      { logger: false },
    );
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await system.close();
    await inbox.close();
  });

  it('lets a job in flight finish before it stops: the email is sent once and recorded', async () => {
    const mentor = await publishedMentor(system, { displayName: 'Grace' });
    const mentee = await signUpUser(system, 'Ada');
    // Both welcome emails first, so the delivery held next is the request's.
    await inbox.receivedAtLeast(2);
    const held = inbox.holdNextDelivery();
    await sendRequest(system, mentee.token, mentor.profileId);
    // The mail server now holds the request email: its job is active, its ledger row uncommitted.
    await held.arrived;

    let stopped = false;
    const stopping = worker!.close().then(() => (stopped = true));
    worker = undefined;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stopped).toBe(false);

    held.release();
    await stopping;

    const toMentor = inbox.received.filter((mail) => mail.to.includes(mentor.email));
    expect(toMentor.map((mail) => mail.subject)).toEqual([
      'Welcome to Mentorbridge, Grace',
      'Ada asks you to mentor them',
    ]);
    const [{ sent }] = await system.db.query<[{ sent: number }]>(
      `SELECT count(*)::int AS sent FROM sent_emails WHERE user_id = $1 AND type = 'REQUEST_RECEIVED'`,
      [mentor.userId],
    );
    expect(sent).toBe(1);
    const notifications = system.api
      .get(QueueRegistry)
      .all()
      .find((queue) => queue.name === QUEUES.notifications);
    expect(await notifications?.getJobCounts('active', 'failed')).toEqual({ active: 0, failed: 0 });
  });
});
