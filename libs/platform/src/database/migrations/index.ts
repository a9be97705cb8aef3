import { Foundation1763770000000 } from './1763770000000-foundation.js';
import { Profiles1763770100000 } from './1763770100000-profiles.js';
import { Taxonomy1763770150000 } from './1763770150000-taxonomy.js';
import { MentorSearch1763770200000 } from './1763770200000-mentor-search.js';
import { RequestsMentorships1763770300000 } from './1763770300000-requests-mentorships.js';
import { SearchSpeed1763770400000 } from './1763770400000-search-speed.js';
import { OutboxEventUid1763770500000 } from './1763770500000-outbox-event-uid.js';
import { SearchLeanRows1763770600000 } from './1763770600000-search-lean-rows.js';
import { SearchFacetTotals1763770700000 } from './1763770700000-search-facet-totals.js';
import { AccountHardening1763770850000 } from './1763770850000-account-hardening.js';
import { Scheduling1763770900000 } from './1763770900000-scheduling.js';
import { Reviews1763771000000 } from './1763771000000-reviews.js';
import { CheckIns1763771010000 } from './1763771010000-check-ins.js';
import { Groups1763771100000 } from './1763771100000-groups.js';
import { Webhooks1763771200000 } from './1763771200000-webhooks.js';
import { Programs1763771300000 } from './1763771300000-programs.js';
import { ProgramWebhooks1763771500000 } from './1763771500000-program-webhooks.js';
import { GroupMentorships1763771600000 } from './1763771600000-group-mentorships.js';
import { ProgramMentorshipGoals1763773000000 } from './1763773000000-program-mentorship-goals.js';
import { WebhookWakeQueued1763775000000 } from './1763775000000-webhook-wake-queued.js';

/** Every migration, in order; listed explicitly so builds and tests load the same set. */
export const migrations = [
  Foundation1763770000000,
  Profiles1763770100000,
  Taxonomy1763770150000,
  MentorSearch1763770200000,
  RequestsMentorships1763770300000,
  SearchSpeed1763770400000,
  OutboxEventUid1763770500000,
  SearchLeanRows1763770600000,
  SearchFacetTotals1763770700000,
  AccountHardening1763770850000,
  Scheduling1763770900000,
  Reviews1763771000000,
  CheckIns1763771010000,
  Groups1763771100000,
  Webhooks1763771200000,
  Programs1763771300000,
  ProgramWebhooks1763771500000,
  GroupMentorships1763771600000,
  ProgramMentorshipGoals1763773000000,
  WebhookWakeQueued1763775000000,
];
