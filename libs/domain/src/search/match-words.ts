/** Display names of the skills and industries a match reason may mention, by id or slug. */
export interface MatchNames {
  skills: ReadonlyMap<string, string>;
  industries: ReadonlyMap<string, string>;
}

/** Words of a mentee's goals worth matching (skips short filler words). */
export function goalWords(goals: readonly string[]): Set<string> {
  return new Set(goals.flatMap((goal) => goal.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []));
}
