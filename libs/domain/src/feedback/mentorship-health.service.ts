import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/platform';
import type { Mentorship } from '../mentorships/mentorship.js';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';
import { MentorshipQueriesService } from '../mentorships/mentorship-queries.service.js';
import { SessionQueriesService } from '../scheduling/session-queries.service.js';
import { CheckInsService } from './check-ins.service.js';
import { assessHealth, MentorshipHealth, RECENT_SESSIONS, type HealthFacts } from './mentorship-health.js';

const SWEEP_BATCH = 200;

/** How mentorships are doing, from cadence kept, check-ins and goal progress; and telling when one stalls. */
@Injectable()
export class MentorshipHealthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mentorships: MentorshipQueriesService,
    private readonly sessions: SessionQueriesService,
    private readonly checkIns: CheckInsService,
  ) {}

  /** For DataLoaders: the health of each mentorship, as of now (or its end), in the order asked. */
  async assess(mentorships: readonly Mentorship[]): Promise<MentorshipHealth[]> {
    const ids = mentorships.map((m) => m.id);
    const [held, goals] = await Promise.all([this.sessions.heldByMentorship(ids), this.mentorships.goalMovement(ids)]);
    const recent = held.map((sessions) => sessions.slice(0, RECENT_SESSIONS));
    const checkIns = await this.checkIns.bySessionIds(recent.flat().map((session) => session.id));
    const bySession = new Map(recent.flat().map((session, i) => [session.id, checkIns[i] ?? []]));
    return mentorships.map((mentorship, i) => {
      const asOf = mentorship.status === MentorshipStatus.ACTIVE ? new Date() : (mentorship.endedAt ?? new Date());
      const sessions = recent[i] ?? [];
      const ofSessions = sessions.map((session) => bySession.get(session.id) ?? []);
      const facts: HealthFacts = {
        cadence: mentorship.cadence,
        startedAt: mentorship.startedAt,
        asOf,
        lastHeldAt: held[i]?.[0]?.endsAt ?? null,
        recentHeld: sessions.length,
        recentCheckedIn: ofSessions.filter((list) => list.length > 0).length,
        usefulness: ofSessions.flat().map((checkIn) => checkIn.usefulness),
        lastGoalProgressAt: goals[i]?.lastProgressAt ?? null,
        goalsDone: goals[i]?.allDone ?? false,
      };
      return assessHealth(facts);
    });
  }

  private async assessByIds(ids: readonly string[]): Promise<MentorshipHealth[]> {
    const found = await this.mentorships.findByIds(ids);
    const present = found.filter((m): m is Mentorship => m !== null);
    const assessed = new Map((await this.assess(present)).map((health, i) => [present[i]?.id, health]));
    return ids.map((id) => assessed.get(id) ?? MentorshipHealth.ON_TRACK);
  }

  /**
   * Records the health of every active mentorship where it changed. Turning STALLED emits
   * 'mentorship.stalled' in the same transaction as the record, so both sides are told once
   * per stall, however many sweeps run.
   */
  async recordChanges(): Promise<number> {
    const ids = await this.mentorships.activeIds();
    let stalled = 0;
    for (let start = 0; start < ids.length; start += SWEEP_BATCH) {
      const batch = ids.slice(start, start + SWEEP_BATCH);
      const health = await this.assessByIds(batch);
      for (const [i, mentorshipId] of batch.entries()) {
        if (await this.record(mentorshipId, health[i] ?? MentorshipHealth.ON_TRACK)) stalled += 1;
      }
    }
    return stalled;
  }

  private record(mentorshipId: string, health: MentorshipHealth): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const changed = await tx.manager.query<unknown[]>(
        `INSERT INTO mentorship_health_states AS h (mentorship_id, health) VALUES ($1, $2)
         ON CONFLICT (mentorship_id) DO UPDATE SET health = EXCLUDED.health, changed_at = now()
          WHERE h.health <> EXCLUDED.health
         RETURNING 1`,
        [mentorshipId, health],
      );
      if (changed.length === 0 || health !== MentorshipHealth.STALLED) return false;
      await tx.emit('mentorship.stalled', { mentorshipId });
      return true;
    });
  }
}
