import { Foundation1763770000000 } from './1763770000000-foundation.js';

/** Every migration, in order; listed explicitly so builds and tests load the same set. */
export const migrations = [Foundation1763770000000];
