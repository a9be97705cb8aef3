import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SearchIndexerService } from '@app/domain';

/** Applies the index settings (and current synonyms) before the first event is consumed. */
@Injectable()
export class SearchIndexSettings implements OnApplicationBootstrap {
  constructor(private readonly indexer: SearchIndexerService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.indexer.prepare();
  }
}
