import { Injectable } from '@nestjs/common';

/**
 * The one place search learns how many mentees a mentor has, for `acceptingRequests`.
 * Until the mentorships context exports its module, nobody counts as having any.
 */
@Injectable()
export class MentorCapacity {
  activeMenteeCounts(profileIds: readonly string[]): Promise<number[]> {
    return Promise.resolve(profileIds.map(() => 0));
  }
}
