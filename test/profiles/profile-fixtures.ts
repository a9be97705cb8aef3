import { mentorProfileInput, signUpUser, type TestUser } from '@app/testing';
import { type TestSystem } from '../support/test-system.js';

/** Signs a new user up and returns their access token and id. */
export function signUp(system: TestSystem, name = 'Ada Mentor'): Promise<TestUser> {
  return signUpUser(system, name);
}

/** A complete input with two of everything, so list fields are exercised. */
export function mentorInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return mentorProfileInput({
    industries: ['technology', 'fintech'],
    skills: ['TypeScript', 'System Design'],
    languages: ['en', 'de'],
    formats: ['ONE_ON_ONE', 'GROUP'],
    sessionLengths: [30, 60],
    price: { amountCents: 5000, currency: 'EUR' },
    ...overrides,
  });
}

export const MENTOR_FIELDS = `
  id status headline bio yearsOfExperience languages timeZone formats sessionLengths
  price { amountCents currency } maxActiveMentees currentRole company countryCode
  industries { slug name } skills { slug name }
  rating { average count distribution }
  user { id displayName }
`;

export const UPSERT_MENTOR = `mutation ($input: MentorProfileInput!) {
  upsertMentorProfile(input: $input) { ${MENTOR_FIELDS} }
}`;
export const PUBLISH_MENTOR = `mutation { publishMentorProfile { id status } }`;
export const PAUSE_MENTOR = `mutation { pauseMentorProfile { id status } }`;
export const MENTOR_BY_ID = `query ($id: ID!) { mentor(id: $id) { id status headline } }`;

/** The 'mentor_profile.changed' events in the outbox, oldest first. */
export async function profileEvents(system: TestSystem): Promise<Array<{ profileId: string; version: number }>> {
  const rows = await system.db.query<Array<{ payload: { profileId: string; version: number } }>>(
    `SELECT payload FROM outbox_events WHERE type = 'mentor_profile.changed' ORDER BY id`,
  );
  return rows.map((row) => row.payload);
}

export async function storedVersion(system: TestSystem, profileId: string): Promise<number> {
  const rows = await system.db.query<Array<{ version: number }>>(`SELECT version FROM mentor_profiles WHERE id = $1`, [
    profileId,
  ]);
  return rows[0].version;
}
