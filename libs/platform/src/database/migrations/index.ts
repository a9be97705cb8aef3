import { Foundation1763770000000 } from './1763770000000-foundation.js';
import { Profiles1763770100000 } from './1763770100000-profiles.js';
import { Taxonomy1763770150000 } from './1763770150000-taxonomy.js';
import { MentorSearch1763770200000 } from './1763770200000-mentor-search.js';
import { RequestsMentorships1763770300000 } from './1763770300000-requests-mentorships.js';
import { SearchSpeed1763770400000 } from './1763770400000-search-speed.js';
import { OutboxEventUid1763770500000 } from './1763770500000-outbox-event-uid.js';
import { SearchLeanRows1763770600000 } from './1763770600000-search-lean-rows.js';
import { SearchFacetTotals1763770700000 } from './1763770700000-search-facet-totals.js';
import { Webhooks1763771200000 } from './1763771200000-webhooks.js';

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
  Webhooks1763771200000,
];
