import 'reflect-metadata';
import {
  AccountsService,
  AvailabilityService,
  GroupEditorService,
  GroupSessionBookingService,
  MentorProfileEditorService,
  RequestsService,
  SessionBookingService,
  SlotsService,
} from '@app/domain';
import { createLogger, migrateDatabase } from '@app/platform';
import { DateTime } from 'luxon';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import { startApps, stopApps, waitForHealthy } from './app-processes.js';
import { benchConfig } from './bench-config.js';
import { runClients, summarise } from './latency.js';
import { SchedulingBenchModule } from './scheduling-bench.module.js';

/**
 * npm run bench:scheduling [-- --calls 300 --bookings 500 --clients 20 --group-bookings 100]
 *
 * 1. availableSlots over a 62-day window for a mentor with a full calendar (about 300
 *    sessions, 20 time-off ranges, a 15-minute buffer), asked by one of their mentees (so the
 *    mentee's own sessions count too): in-process and over GraphQL, p50/p95 of sequential calls.
 * 2. Booking throughput: `clients` concurrent clients, each booking distinct slots for its own
 *    mentor–mentee pair through SessionBookingService (validation, locks, the slot re-check,
 *    transition and outbox event), against raw inserts of the same rows (a session and its two
 *    participants, one statement per transaction) with the same clients on the same pool.
 * 3. Group booking: a host and a group of 30 members; `group-bookings` sequential
 *    bookGroupSession calls at distinct hours (31 participants each: 31 schedule locks, every
 *    member's calendar checked, 31 participant rows), against as many sequential one-to-one
 *    bookings in the same run, with the p95 ratio.
 */
const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '300' },
    bookings: { type: 'string', default: '500' },
    clients: { type: 'string', default: '20' },
    'group-bookings': { type: 'string', default: '100' },
    database: { type: 'string', default: 'mentorbridge_bench_scheduling' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379/12' },
    port: { type: 'string', default: '3918' },
  },
});
const clients = Number(args.clients);
const config = { ...benchConfig(args.database), REDIS_URL: args.redis };
const say = (line: string) => process.stdout.write(`${line}\n`);

await migrateDatabase(config);
// The services in this process; GraphQL calls go to the api as a process of its own.
const api = await NestFactory.createApplicationContext(
  SchedulingBenchModule.forRoot(config, createLogger('bench', 'warn')),
  {
    logger: false,
  },
);
const server = startApps(config, Number(args.port), { apps: ['api'] });
await waitForHealthy(`http://127.0.0.1:${args.port}`);
const db = api.get(DataSource);
// Every run starts from the same empty marketplace (reference data stays).
await db.query(`TRUNCATE users, outbox_events CASCADE`);

const accounts = api.get(AccountsService);
const editor = api.get(MentorProfileEditorService);
const availability = api.get(AvailabilityService);
const requests = api.get(RequestsService);
let people = 0;

async function person(name: string): Promise<{ userId: string; token: string }> {
  people += 1;
  const session = await accounts.signUp({
    email: `bench-${people}@example.com`,
    password: 'correct horse battery',
    displayName: name,
    timeZone: 'Europe/Berlin',
  });
  return { userId: session.user.id, token: session.accessToken };
}

async function pair(rules: Parameters<AvailabilityService['setWeekly']>[1]) {
  const mentor = await person('Bench Mentor');
  const profile = await editor.upsert(mentor.userId, {
    headline: 'Staff engineer helping people grow into tech leads',
    bio: 'Fifteen years building distributed systems; I mentor engineers on design, careers and leading teams.',
    industries: ['technology'],
    skills: ['TypeScript'],
    yearsOfExperience: 15,
    languages: ['en'],
    timeZone: 'Europe/Berlin',
    formats: ['ONE_ON_ONE'],
    sessionLengths: [60],
    price: null,
    maxActiveMentees: 10,
  });
  await editor.publish(mentor.userId);
  await availability.setWeekly(mentor.userId, rules);
  const mentee = await person('Bench Mentee');
  const requestId = await requests.send(mentee.userId, {
    mentorId: profile.id,
    goals: [{ title: 'Lead my first team' }],
    motivation: 'You have led teams through the same growth I am facing, and your talks helped me a lot.',
    format: 'ONE_ON_ONE',
    cadence: 'WEEKLY',
    channel: 'VIDEO',
    durationWeeks: 12,
  });
  const mentorshipId = await requests.accept(mentor.userId, requestId, null);
  return { mentor, mentee, profileId: profile.id, mentorshipId };
}

// 1. A full calendar: five hour-long sessions a day for 62 days, with ten other mentees.
const everyDay = (startTime: string, endTime: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime, endTime }));
const busy = await pair({
  timeZone: 'Europe/Berlin',
  rules: everyDay('07:00', '21:00'),
  minNoticeHours: 0,
  bufferMinutes: 15,
});
const others = [busy.mentee.userId];
for (let i = 0; i < 9; i++) others.push((await person(`Other mentee ${i}`)).userId);
const firstDay = DateTime.now().setZone('Europe/Berlin').startOf('day').plus({ days: 1 });
const insertSession = `WITH s AS (INSERT INTO sessions (host_id, mentorship_id, starts_at, ends_at)
                                  VALUES ($1, $2, $4, $5) RETURNING id)
  INSERT INTO session_participants (session_id, user_id, position, during)
  SELECT s.id, p.user_id, p.position - 1, tstzrange($4, $5)
    FROM s, unnest($3::uuid[]) WITH ORDINALITY AS p(user_id, position)`;
let seeded = 0;
for (let day = 0; day < 62; day++) {
  for (const hour of [8, 10, 12, 14, 16]) {
    if (seeded >= 300) break;
    const start = firstDay.plus({ days: day }).set({ hour }).toJSDate();
    const end = new Date(start.getTime() + 3_600_000);
    const mentee = others[seeded % others.length];
    await db.query(insertSession, [busy.mentor.userId, busy.mentorshipId, [busy.mentor.userId, mentee], start, end]);
    seeded += 1;
  }
}
for (let i = 0; i < 20; i++) {
  const start = firstDay
    .plus({ days: i * 3 })
    .set({ hour: 18 })
    .toJSDate();
  await db.query(`INSERT INTO time_off (user_id, starts_at, ends_at) VALUES ($1, $2, $3)`, [
    busy.mentor.userId,
    start,
    new Date(start.getTime() + 2 * 3_600_000),
  ]);
}
await db.query('VACUUM ANALYZE');

const slots = api.get(SlotsService);
const from = firstDay.toJSDate();
const to = firstDay.plus({ days: 62 }).toJSDate();
const calls = Number(args.calls);
const measure = async (call: () => Promise<number>) => {
  for (let i = 0; i < 20; i++) await call(); // warm-up
  const samples: number[] = [];
  let count = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    count = await call();
    samples.push(performance.now() - started);
  }
  return { ...summarise(samples, performance.now() - t0), count };
};
const inProcess = await measure(
  async () => (await slots.available(busy.mentee.userId, busy.profileId, { from, to, durationMinutes: 60 })).length,
);
const query = `query ($m: ID!, $f: DateTime!, $t: DateTime!) { availableSlots(mentorId: $m, from: $f, to: $t, durationMinutes: 60) { startsAt endsAt } }`;
const overHttp = await measure(async () => {
  const response = await fetch(`http://127.0.0.1:${args.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${busy.mentee.token}` },
    body: JSON.stringify({ query, variables: { m: busy.profileId, f: from.toISOString(), t: to.toISOString() } }),
  });
  const body = (await response.json()) as { data?: { availableSlots: unknown[] }; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.availableSlots.length;
});
say(`availableSlots, 62 days, ${seeded} sessions, 20 time-off ranges, ${calls} sequential calls each:`);
say(`  in-process   p50 ${inProcess.p50} ms  p95 ${inProcess.p95} ms  (${inProcess.count} slots)`);
say(`  GraphQL/HTTP p50 ${overHttp.p50} ms  p95 ${overHttp.p95} ms  (target p95 < 50 ms)`);

// 2. Booking throughput against raw inserts, the same clients on the same pool.
const pairs: Array<Awaited<ReturnType<typeof pair>>> = [];
for (let i = 0; i < clients; i++) {
  pairs.push(await pair({ timeZone: 'UTC', rules: everyDay('00:00', '24:00'), minNoticeHours: 0, bufferMinutes: 0 }));
}
const bookings = Number(args.bookings);
const perClient = Math.ceil(bookings / clients);
const slotStart = (base: Date, index: number) => new Date(base.getTime() + Math.floor(index / clients) * 3_600_000);
const booking = api.get(SessionBookingService);
const bookingBase = firstDay.plus({ days: 2 }).toJSDate();
const booked = await runClients(clients, perClient * clients, async (index) => {
  const { mentee, mentorshipId } = pairs[index % clients];
  await booking.book(mentee.userId, { mentorshipId, startsAt: slotStart(bookingBase, index), durationMinutes: 60 });
});
const rawBase = firstDay.plus({ days: 200 }).toJSDate();
const raw = await runClients(clients, perClient * clients, async (index) => {
  const { mentor, mentee, mentorshipId } = pairs[index % clients];
  const start = slotStart(rawBase, index);
  await db.query(insertSession, [
    mentor.userId,
    mentorshipId,
    [mentor.userId, mentee.userId],
    start,
    new Date(start.getTime() + 3_600_000),
  ]);
});
say(`booking, ${perClient * clients} distinct slots, ${clients} concurrent clients (own mentor-mentee pair each):`);
say(`  bookSession (domain)  ${booked.throughput}/s  p50 ${booked.p50} ms  p95 ${booked.p95} ms`);
say(`  raw session inserts   ${raw.throughput}/s  p50 ${raw.p50} ms  p95 ${raw.p95} ms`);
say(`  ratio ${(booked.throughput / raw.throughput).toFixed(2)}x (target >= 0.5x)`);

// 3. One group session for 30 members against one one-to-one session, sequentially.
const GROUP_MEMBERS = 30;
const host = await pair({ timeZone: 'UTC', rules: everyDay('00:00', '24:00'), minNoticeHours: 0, bufferMinutes: 0 });
const groupId = await api.get(GroupEditorService).create(host.mentor.userId, {
  kind: 'GROUP',
  title: 'Benchmark cohort',
  description: 'Thirty engineers stepping into their first lead role meet every week to work through cases.',
  industries: ['technology'],
  topics: ['Leadership'],
  capacity: GROUP_MEMBERS,
  cadence: 'WEEKLY',
  channel: 'VIDEO',
  startsOn: firstDay.plus({ days: 1 }).toISODate() ?? '',
  endsOn: firstDay.plus({ days: 300 }).toISODate() ?? '',
  sessionLengthMinutes: 60,
});
for (let i = 0; i < GROUP_MEMBERS; i++) {
  const member = await person(`Group member ${i}`);
  const requestId = await requests.send(member.userId, {
    mentorId: host.profileId,
    groupId,
    goals: [{ title: 'Lead my first team' }],
    motivation: 'I want to learn with peers who face the same first months as a lead, guided by you.',
    format: 'GROUP',
    cadence: 'WEEKLY',
    channel: 'VIDEO',
    durationWeeks: 12,
  });
  await requests.accept(host.mentor.userId, requestId, null);
}
const groupBookings = Number(args['group-bookings']);
const groupBooking = api.get(GroupSessionBookingService);
const groupBase = firstDay.plus({ days: 400 }).toJSDate();
const hourAfter = (base: Date, index: number) => new Date(base.getTime() + index * 3_600_000);
const oneBase = firstDay.plus({ days: 500 }).toJSDate();
const oneToOne = await runClients(1, groupBookings, async (index) => {
  const { mentee, mentorshipId } = pairs[0];
  await booking.book(mentee.userId, { mentorshipId, startsAt: hourAfter(oneBase, index), durationMinutes: 60 });
});
const group = await runClients(1, groupBookings, async (index) => {
  await groupBooking.book(host.mentor.userId, { groupId, startsAt: hourAfter(groupBase, index), durationMinutes: 60 });
});
say(`group booking, ${groupBookings} sequential bookings each, at distinct hours:`);
say(`  bookGroupSession, ${GROUP_MEMBERS} members  p50 ${group.p50} ms  p95 ${group.p95} ms`);
say(`  bookSession, one mentee       p50 ${oneToOne.p50} ms  p95 ${oneToOne.p95} ms`);
say(`  p95 ratio ${(group.p95 / oneToOne.p95).toFixed(2)}x`);

await stopApps(server);
await api.close();
