import { publishedMentor, sendRequest, signUpUser, startTestSystem, type TestSystem } from '@app/testing';
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
    expect(files).toHaveLength(1);
    const eml = await readFile(join(dir, files[0]), 'utf8');
    expect(eml).toContain(`To: ${mentor.email}`);
    expect(eml).toContain('Subject: Ada asks you to mentor them');
    expect(eml).toContain(`Open it in Mentorbridge: /requests/${id}`);
  });
});
