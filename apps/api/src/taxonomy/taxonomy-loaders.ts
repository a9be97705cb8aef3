import type { Loaders } from '../graphql/dataloaders.js';
import type { IndustryType, SkillType } from './taxonomy.types.js';

function present<T>(loaded: ReadonlyArray<T | null | Error>): T[] {
  const failure = loaded.find((item) => item instanceof Error);
  if (failure) throw failure;
  return loaded.filter((item): item is T => item !== null);
}

/** A profile's industries, in its order, batched with every other profile in the request. */
export async function industriesOf(loaders: Loaders, slugs: readonly string[]): Promise<IndustryType[]> {
  return present(await loaders.industry.loadMany(slugs));
}

/** A profile's skills, in its order, batched with every other profile in the request. */
export async function skillsOf(loaders: Loaders, ids: readonly string[]): Promise<SkillType[]> {
  return present(await loaders.skill.loadMany(ids));
}
