import { toCsv, type CsvCell } from '@app/platform';
import type { ProgramFigures } from './program-metrics.js';

/** The figures in the order ProgramMetrics lists them. */
const FIGURES = [
  'mentors',
  'mentees',
  'matchedMentees',
  'activeMentorships',
  'sessionsHeld',
  'sessionsPerPairPerMonth',
  'checkInRate',
  'averageUsefulness',
  'averageGoalProgress',
  'completionRate',
  'retention30d',
] as const satisfies ReadonlyArray<Exclude<keyof ProgramFigures, 'weekly'>>;

/**
 * A program's figures as CSV: the program's name, one `figure,value` row per figure (an empty
 * value where there is nothing to divide by yet), a blank row, then the weekly table. Names
 * are the GraphQL field names, so the export and the API read alike.
 */
export function programMetricsCsv(programName: string, figures: ProgramFigures): string {
  return toCsv([
    ['program', programName],
    ['figure', 'value'],
    ...FIGURES.map((name): CsvCell[] => [name, figures[name]]),
    [],
    ['weekStarting', 'sessionsHeld', 'checkIns', 'activeMentorships'],
    ...figures.weekly.map((week) => [week.weekStarting, week.sessionsHeld, week.checkIns, week.activeMentorships]),
  ]);
}
