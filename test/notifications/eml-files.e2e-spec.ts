import { publishedMentor, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('mail without an SMTP server', () => {
  let system: TestSystem;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mb-eml-'));
    system = await startTestSystem({ worker: true, indexer: true, config: { MAIL_DIR: dir } });
  });
  afterAll(async () => {
    await system.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each email as an .eml file under MAIL_DIR, with relative links when WEB_APP_URL is unset', async () => {
    const mentor = await publishedMentor(system, { displayName: 'Grace' });
    const mentee = await signUpUser(system, 'Ada');
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    const files = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
    // Only this test's people: a job left queued by an earlier suite may write here too.
    const emails = (await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')))).filter(
      (eml) => eml.includes(`To: ${mentor.email}`) || eml.includes(`To: ${mentee.email}`),
    );
    // Both people were welcomed, and the mentor was asked.
    expect(emails.filter((eml) => eml.includes('Subject: Welcome to Mentorbridge'))).toHaveLength(2);
    const others = emails.filter((eml) => !eml.includes('Subject: Welcome to Mentorbridge'));
    expect(others).toHaveLength(1);
    const eml = others[0];
    expect(eml).toContain(`To: ${mentor.email}`);
    expect(eml).toContain('Subject: Ada asks you to mentor them');
    expect(eml).toContain(`Open it in Mentorbridge: /requests/${id}`);
  });
});
