/** A goal is set in a request (or a program enrolment) and tracked in the mentorship it joins. */
export interface Goal {
  id: string;
  /** null for a program mentorship's goal, which comes from the mentee's enrolment. */
  requestId: string | null;
  mentorshipId: string | null;
  title: string;
  successCriteria: string | null;
  /** ISO calendar date, as stored. */
  targetDate: string | null;
  progress: number;
  updatedAt: Date;
}

export const GOAL_COLUMNS = `g.id, g.request_id AS "requestId", g.mentorship_id AS "mentorshipId", g.title,
  g.success_criteria AS "successCriteria", to_char(g.target_date, 'YYYY-MM-DD') AS "targetDate", g.progress,
  g.updated_at AS "updatedAt"`;
