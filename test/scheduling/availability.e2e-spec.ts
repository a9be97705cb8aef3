import {
  alwaysOpen,
  AVAILABLE_SLOTS,
  errorCode,
  publishedMentor,
  SET_AVAILABILITY,
  signUpUser,
  type TestMentor,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const AVAILABILITY = `query ($id: ID!) {
  mentor(id: $id) { availability { timeZone minNoticeHours bufferMinutes maxSessionsPerWeek
    rules { weekday startTime endTime } timeOff { id note } } }
}`;
const ADD_TIME_OFF = `mutation ($input: TimeOffInput!) { addTimeOff(input: $input) { timeOff { id startsAt endsAt note } } }`;
const REMOVE_TIME_OFF = `mutation ($id: ID!) { removeTimeOff(id: $id) { timeOff { id } } }`;

const berlinWeekdays = {
  timeZone: 'Europe/Berlin',
  rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })),
  minNoticeHours: 0,
};

describe('availability and slots', () => {
  let system: TestSystem;
  let mentor: TestMentor;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(async () => {
    await system.reset();
    mentor = await publishedMentor(system);
  });
  afterAll(() => system.close());

  const set = (input: Record<string, unknown>, token = mentor.token) => system.gql(SET_AVAILABILITY, { input }, token);
  const slots = (variables: Record<string, unknown>, token = mentor.token) =>
    system.gql(AVAILABLE_SLOTS, { mentorId: mentor.profileId, durationMinutes: 60, ...variables }, token);

  it('saves weekly rules in the mentor’s zone and shows them to the owner only', async () => {
    const saved = await set({ ...berlinWeekdays, bufferMinutes: 15, maxSessionsPerWeek: 5 });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.setWeeklyAvailability).toMatchObject({
      timeZone: 'Europe/Berlin',
      minNoticeHours: 0,
      bufferMinutes: 15,
      maxSessionsPerWeek: 5,
    });
    const own = await system.gql(AVAILABILITY, { id: mentor.profileId }, mentor.token);
    expect(own.data.mentor.availability.rules).toHaveLength(5);
    const other = await signUpUser(system);
    expect((await system.gql(AVAILABILITY, { id: mentor.profileId }, other.token)).data.mentor.availability).toBeNull();
    expect((await system.gql(AVAILABILITY, { id: mentor.profileId })).data.mentor.availability).toBeNull();
  });

  it.each([
    [{ rules: [{ weekday: 1, startTime: '9:00', endTime: '17:00' }] }, 'input.rules[0].startTime'],
    [{ rules: [{ weekday: 1, startTime: '09:10', endTime: '17:00' }] }, 'input.rules[0].startTime'],
    [{ rules: [{ weekday: 8, startTime: '09:00', endTime: '17:00' }] }, 'input.rules[0].weekday'],
    [{ rules: [{ weekday: 1, startTime: '09:00', endTime: '09:00' }] }, 'input.rules[0].endTime'],
    [
      {
        rules: [
          { weekday: 2, startTime: '13:00', endTime: '18:00' },
          { weekday: 2, startTime: '09:00', endTime: '13:15' },
          { weekday: 3, startTime: '09:00', endTime: '13:15' },
        ],
      },
      'input.rules[0].startTime',
    ],
    [
      { rules: Array.from({ length: 51 }, () => ({ weekday: 1, startTime: '09:00', endTime: '09:15' })) },
      'input.rules',
    ],
    [{ minNoticeHours: -1 }, 'input.minNoticeHours'],
    [{ bufferMinutes: 241 }, 'input.bufferMinutes'],
    [{ maxSessionsPerWeek: 0 }, 'input.maxSessionsPerWeek'],
    [{ timeZone: 'Mars/Olympus' }, undefined],
  ])('refuses invalid input #%# naming the field, and saves nothing', async (change, field) => {
    await set(berlinWeekdays);
    const res = await set({ ...berlinWeekdays, ...change });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    const own = await system.gql(AVAILABILITY, { id: mentor.profileId }, mentor.token);
    expect(own.data.mentor.availability).toMatchObject({ timeZone: 'Europe/Berlin', bufferMinutes: 0 });
    expect(own.data.mentor.availability.rules).toHaveLength(5);
  });

  it('is for mentors only', async () => {
    const mentee = await signUpUser(system);
    expect(errorCode(await set(berlinWeekdays, mentee.token))).toBe('FORBIDDEN');
  });

  it('adds and removes time off; another mentor’s time off is not found', async () => {
    await set(berlinWeekdays);
    const bad = await system.gql(
      ADD_TIME_OFF,
      { input: { startsAt: '2027-01-12T00:00:00Z', endsAt: '2027-01-11T00:00:00Z' } },
      mentor.token,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    const added = await system.gql(
      ADD_TIME_OFF,
      { input: { startsAt: '2027-01-11T00:00:00Z', endsAt: '2027-01-12T00:00:00Z', note: 'Conference' } },
      mentor.token,
    );
    const [timeOff] = added.data.addTimeOff.timeOff;
    expect(timeOff).toMatchObject({ startsAt: '2027-01-11T00:00:00.000Z', note: 'Conference' });
    // Monday 11 January 2027 is off; Tuesday is not.
    const during = await slots({ from: '2027-01-11T00:00:00Z', to: '2027-01-13T00:00:00Z' });
    expect(during.data.availableSlots[0].startsAt).toBe('2027-01-12T08:00:00.000Z');

    const other = await publishedMentor(system);
    expect(errorCode(await system.gql(REMOVE_TIME_OFF, { id: timeOff.id }, other.token))).toBe('NOT_FOUND');
    const removed = await system.gql(REMOVE_TIME_OFF, { id: timeOff.id }, mentor.token);
    expect(removed.data.removeTimeOff.timeOff).toEqual([]);
    const after = await slots({ from: '2027-01-11T00:00:00Z', to: '2027-01-13T00:00:00Z' });
    expect(after.data.availableSlots[0].startsAt).toBe('2027-01-11T08:00:00.000Z');
  });

  it('answers slots in UTC across daylight saving, within 62 days, for offered durations only', async () => {
    await set(berlinWeekdays);
    const january = (await slots({ from: '2027-01-11T00:00:00Z', to: '2027-01-12T00:00:00Z' })).data.availableSlots;
    expect(january[0]).toEqual({ startsAt: '2027-01-11T08:00:00.000Z', endsAt: '2027-01-11T09:00:00.000Z' });
    expect(january.at(-1).endsAt).toBe('2027-01-11T16:00:00.000Z');
    const july = (await slots({ from: '2027-07-12T00:00:00Z', to: '2027-07-13T00:00:00Z' })).data.availableSlots;
    expect(july[0].startsAt).toBe('2027-07-12T07:00:00.000Z');

    const tooLong = await slots({ from: '2027-01-01T00:00:00Z', to: '2027-03-05T00:00:00Z' });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const backwards = await slots({ from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const notOffered = await slots({ from: '2027-01-11T00:00:00Z', to: '2027-01-12T00:00:00Z', durationMinutes: 45 });
    expect(notOffered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'durationMinutes' });
    const unknown = await system.gql(
      AVAILABLE_SLOTS,
      {
        mentorId: '00000000-0000-0000-0000-000000000000',
        from: '2027-01-11T00:00:00Z',
        to: '2027-01-12T00:00:00Z',
        durationMinutes: 60,
      },
      mentor.token,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('leaves out the notice period and offers nothing before rules exist', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await slots({ from, to })).data.availableSlots).toEqual([]);
    await set(alwaysOpen({ minNoticeHours: 24 }));
    const first = (await slots({ from, to })).data.availableSlots[0];
    expect(Date.parse(first.startsAt) - Date.now()).toBeGreaterThanOrEqual(24 * 3_600_000 - 60_000);
    expect(Date.parse(first.startsAt) - Date.now()).toBeLessThan(24 * 3_600_000 + 15 * 60_000);
  });
});
