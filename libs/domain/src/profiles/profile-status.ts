import { DomainError } from '@app/platform';
import { ProfileStatus } from './mentor-profile.entity.js';

/** The mentor profile lifecycle: every allowed move, and nothing else. */
const TRANSITIONS: { readonly [From in ProfileStatus]: readonly ProfileStatus[] } = {
  DRAFT: [ProfileStatus.PUBLISHED],
  PUBLISHED: [ProfileStatus.PAUSED],
  PAUSED: [ProfileStatus.PUBLISHED],
  UNLISTED: [ProfileStatus.PUBLISHED],
};

/**
 * True when the profile must move, false when it already is where asked (a repeated
 * publish or pause changes nothing); CONFLICT when the move is not allowed.
 */
export function needsTransition(from: ProfileStatus, to: ProfileStatus): boolean {
  if (from === to) return false;
  if (!TRANSITIONS[from].includes(to)) {
    throw DomainError.conflict(`A ${from.toLowerCase()} profile cannot become ${to.toLowerCase()}`, { status: from });
  }
  return true;
}
