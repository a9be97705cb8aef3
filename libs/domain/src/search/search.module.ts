import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { MentorCapacity } from './mentor-capacity.js';
import { RecommendationsService } from './recommendations.service.js';
import { SearchDocumentsService } from './search-documents.service.js';
import { SearchIndexerService } from './search-indexer.service.js';
import { SearchSynonymsService } from './search-synonyms.service.js';
import { SearchService } from './search.service.js';

/** Search and recommendations over the engine; the indexer that keeps the engine fresh. Needs SearchEngineModule. */
@Module({
  imports: [AccountsModule, MentorshipsModule, ProfilesModule, TaxonomyModule, GroupsModule],
  providers: [
    SearchService,
    RecommendationsService,
    SearchIndexerService,
    SearchDocumentsService,
    SearchSynonymsService,
    MentorCapacity,
  ],
  exports: [SearchService, RecommendationsService, SearchIndexerService],
})
export class SearchModule {}
