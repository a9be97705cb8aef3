/** One ISO week (Monday, UTC) of a program. */
export interface ProgramWeek {
  /** The week's Monday, "YYYY-MM-DD". */
  weekStarting: string;
  /** Sessions of the program's pairs that started this week and were held (COMPLETED). */
  sessionsHeld: number;
  /** Check-ins on those sessions, whenever they were written. */
  checkIns: number;
  /** Program mentorships that ran at some time in the week: started before it ended, not ended before it began. */
  activeMentorships: number;
}

/**
 * What shows whether a program works, computed from the real rows on every read. Ratios and
 * averages are null while nothing exists to divide by, so "no data" never reads as 0.
 */
export interface ProgramFigures {
  /** Enrolled and not withdrawn, per role. */
  mentors: number;
  mentees: number;
  /** Mentees a published round gave a mentorship, whatever became of it. */
  matchedMentees: number;
  activeMentorships: number;
  /** Sessions of the program's mentorships held (COMPLETED). */
  sessionsHeld: number;
  /** Held sessions per 30 days of pair time (each mentorship from its start to its end, or now), to 2 decimals. */
  sessionsPerPairPerMonth: number | null;
  /** Share of held sessions with at least one check-in. */
  checkInRate: number | null;
  /** Mean usefulness (1..5) of the check-ins on held sessions. */
  averageUsefulness: number | null;
  /** Mean progress (0..100) of the goals of the program's mentorships. */
  averageGoalProgress: number | null;
  /** COMPLETED among the mentorships that are over (COMPLETED or ENDED). */
  completionRate: number | null;
  /**
   * 30-day retention: of the mentorships that started at least 30 days ago, the share not
   * ENDED within their first 30 days (still ACTIVE then, or COMPLETED, which is a success
   * however early). Younger mentorships are left out: their 30 days have not passed yet.
   */
  retention30d: number | null;
  /** From the week of the program's start to the current week (or its end's week, if earlier). */
  weekly: ProgramWeek[];
}

export interface ProgramMetrics extends ProgramFigures {
  /** A signed link, valid for minutes, to the same figures as CSV. */
  csvUrl: string;
}
