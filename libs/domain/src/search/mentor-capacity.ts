import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MentorshipsService } from '../mentorships/mentorships.service.js';

/**
 * The one place search learns how many mentees a mentor has, for `acceptingRequests`
 * (published and below capacity). The mentorships context owns the count; a capacity
 * change bumps the profile version, so the indexer hears of it.
 */
@Injectable()
export class MentorCapacity {
  constructor(private readonly mentorships: MentorshipsService) {}

  activeMenteeCounts(profileIds: readonly string[], manager?: EntityManager): Promise<number[]> {
    return this.mentorships.activeCounts(profileIds, manager);
  }
}
