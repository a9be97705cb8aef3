import type { Prng } from './prng.js';
import { INDUSTRY_CONTENT, type IndustryContent } from './industry-content.js';
import { randomPerson, type Person } from './people.js';

export interface SeedIndustry {
  slug: string;
  name: string;
}

export interface GeneratedMentor {
  person: Person;
  status: 'PUBLISHED' | 'DRAFT' | 'PAUSED';
  headline: string;
  bio: string;
  industrySlugs: string[];
  skillNames: string[];
  yearsOfExperience: number;
  formats: string[];
  sessionLengths: number[];
  priceCents: number | null;
  priceCurrency: string | null;
  maxActiveMentees: number;
  currentRole: string;
  company: string | null;
  daysAgo: number;
}

// Rough minor units per US dollar, so prices look local rather than converted.
const MINOR_UNITS_PER_USD: Readonly<Record<string, number>> = {
  USD: 100,
  CAD: 135,
  GBP: 80,
  EUR: 92,
  PLN: 400,
  BRL: 500,
  ZAR: 1800,
  AED: 367,
  INR: 8300,
  SGD: 135,
  JPY: 150,
  AUD: 150,
};

const ORIGINS = [
  'as a self-taught beginner',
  'in a small agency where everyone did everything',
  'after a degree in physics',
  'as an intern at a large firm',
  'by switching careers in my thirties',
  'in my home country before moving abroad',
  'at a startup that did not make it, which taught me the most',
];

const CLOSINGS = [
  'I like concrete goals and honest feedback, and I share what worked for me and what did not.',
  'Expect a little homework between sessions and a straight answer to any question.',
  'I have been mentored generously myself and want to pass that on.',
  'We will start with where you want to be in a year and work backwards.',
  'I am especially glad to hear from people who are the first in their family in this field.',
];

const FORMATS = ['ONE_ON_ONE', 'GROUP', 'PEER', 'REVERSE', 'CIRCLE'];

function contentOf(slug: string): IndustryContent {
  const content = INDUSTRY_CONTENT[slug];
  if (!content) throw new Error(`no seed content for industry ${slug}`);
  return content;
}

function headlineFor(
  prng: Prng,
  role: string,
  company: string | null,
  years: number,
  industry: SeedIndustry,
  content: IndustryContent,
): string {
  const focus = prng.pick(content.focus);
  const templates = [
    `${role}${company ? ` at ${company}` : ''}, mentoring on ${focus}`,
    `${years}+ years in ${industry.name}: I help with ${focus}`,
    `${role} helping people with ${focus}`,
    `${role} · ${prng.pick(content.skills)} and ${prng.pick(content.skills)}`,
  ];
  const headline = prng.pick(templates);
  return headline.length <= 120 ? headline : `${headline.slice(0, 119)}…`;
}

function bioFor(
  prng: Prng,
  m: {
    role: string;
    company: string | null;
    years: number;
    industry: SeedIndustry;
    content: IndustryContent;
    skills: string[];
    person: Person;
  },
): string {
  const [focusA, focusB] = prng.sample(m.content.focus, 2);
  const sentences = [
    `I am a ${m.role}${m.company ? ` at ${m.company}` : ''} with ${m.years} years of experience in ${m.industry.name.toLowerCase()}.`,
    `I started ${prng.pick(ORIGINS)}.`,
    `Most people come to me for ${focusA}${focusB ? `; we also often work on ${focusB}` : ''}.`,
    `Day to day I work with ${m.skills.slice(0, 4).join(', ')}.`,
    prng.pick(CLOSINGS),
  ];
  if (prng.chance(0.4))
    sentences.push(
      `Sessions in ${m.person.languages.length > 1 ? 'any of my languages' : 'my language'} are fine, and I am in ${m.person.timeZone.replace(/_/g, ' ')}.`,
    );
  return sentences.join(' ');
}

/**
 * One realistic mentor; the same generator state gives the same mentor. Primary
 * industries go round in turn, so every industry has mentors once there are enough.
 */
export function generateMentor(prng: Prng, industries: readonly SeedIndustry[], index: number): GeneratedMentor {
  const person = randomPerson(prng);
  const primary = industries[index % industries.length];
  const extra = prng.chance(0.45) ? prng.sample(industries, prng.int(1, 2)).filter((i) => i.slug !== primary.slug) : [];
  const content = contentOf(primary.slug);
  const years = Math.min(60, Math.max(1, Math.round(3 + prng.next() * prng.next() * 35)));
  const role = prng.pick(content.roles);
  const company = prng.chance(0.85) ? prng.pick(content.companies) : null;
  const skillNames = prng.sample(content.skills, prng.int(3, Math.min(8, content.skills.length)));
  for (const other of extra) skillNames.push(...prng.sample(contentOf(other.slug).skills, prng.int(0, 2)));
  const free = prng.chance(0.3);
  const usd = prng.pick([25, 40, 50, 60, 75, 90, 120, 150, 200, 250]);
  const currency = prng.chance(0.35) ? 'USD' : person.region.currency;
  const roll = prng.next();
  return {
    person,
    status: roll < 0.8 ? 'PUBLISHED' : roll < 0.92 ? 'DRAFT' : 'PAUSED',
    headline: headlineFor(prng, role, company, years, primary, content),
    bio: bioFor(prng, { role, company, years, industry: primary, content, skills: skillNames, person }),
    industrySlugs: [primary.slug, ...extra.map((i) => i.slug)],
    skillNames: [...new Set(skillNames)].slice(0, 20),
    yearsOfExperience: years,
    formats: ['ONE_ON_ONE', ...prng.sample(FORMATS.slice(1), prng.int(0, 2))],
    sessionLengths: prng.pick([[30], [45], [60], [30, 60], [45, 90], [30, 45, 60], [60, 120]]),
    priceCents: free ? null : usd * (MINOR_UNITS_PER_USD[currency] ?? 100),
    priceCurrency: free ? null : currency,
    maxActiveMentees: prng.int(1, 12),
    currentRole: role,
    company,
    daysAgo: prng.int(0, 700),
  };
}
