import { Foundation1763770000000 } from './1763770000000-foundation.js';
import { Profiles1763770100000 } from './1763770100000-profiles.js';

/** Every migration, in order; listed explicitly so builds and tests load the same set. */
export const migrations = [Foundation1763770000000, Profiles1763770100000];
