import { Injectable } from '@nestjs/common';
import { AccountsService, type User } from '@app/domain';
import DataLoader from 'dataloader';

export interface Loaders {
  user: DataLoader<string, User | null>;
}

/** The one place per-request DataLoaders are built, so no resolver issues N+1 queries. */
@Injectable()
export class DataLoaderFactory {
  constructor(private readonly accounts: AccountsService) {}

  create(): Loaders {
    return {
      user: new DataLoader((ids) => this.accounts.findByIds(ids)),
    };
  }
}
