import { Injectable } from '@nestjs/common';
import { SearchIndexerService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob } from '@app/platform';

/**
 * Brings one mentor's search document up to date. The payload's version is not
 * trusted as state: the indexer re-reads the profile, so a repeated or late event
 * writes the current profile (or removes it) and never an older one.
 */
@Injectable()
@HandlesEvent(QUEUES.searchSync, 'mentor_profile.changed')
export class MentorProfileChangedHandler implements EventHandler<'mentor_profile.changed'> {
  constructor(private readonly indexer: SearchIndexerService) {}

  handle(job: EventJob<'mentor_profile.changed'>): Promise<void> {
    return this.indexer.sync(job.payload.profileId);
  }
}
