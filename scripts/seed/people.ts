import type { Prng } from './prng.js';
import { REGIONS, type Region } from './regions.js';

export interface Person {
  displayName: string;
  region: Region;
  country: string;
  timeZone: string;
  languages: string[];
}

const totalWeight = REGIONS.reduce((sum, region) => sum + region.weight, 0);

function pickRegion(prng: Prng): Region {
  let roll = prng.next() * totalWeight;
  for (const region of REGIONS) {
    roll -= region.weight;
    if (roll < 0) return region;
  }
  return REGIONS[0];
}

/** Someone plausible from somewhere in the world: name, place, zone and spoken languages. */
export function randomPerson(prng: Prng): Person {
  const region = pickRegion(prng);
  const place = prng.int(0, region.countries.length - 1);
  const local = region.languages[place % region.languages.length];
  const languages = new Set([local]);
  if (prng.chance(0.75)) languages.add('en');
  if (prng.chance(0.25)) languages.add(prng.pick(['es', 'fr', 'de', 'pt', 'zh', 'ar', 'it', 'ja']));
  return {
    displayName: `${prng.pick(region.firstNames)} ${prng.pick(region.lastNames)}`,
    region,
    country: region.countries[place],
    timeZone: region.timeZones[place % region.timeZones.length],
    languages: [...languages],
  };
}
