import { compatibility, compatibilityScore, foldGoal, type MatchIntake } from './compatibility.js';

const base: MatchIntake = {
  goals: ['lead my first team'],
  skills: ['s-go', 's-k8s'],
  industries: ['technology'],
  communicationStyle: 'DIRECT',
  languages: ['en'],
  utcOffsetMinutes: 60,
  hoursPerMonth: 4,
};

describe('compatibility', () => {
  it('scores a perfect fit 100 and says why in words', () => {
    const names = (id: string) => ({ 's-go': 'Go', 's-k8s': 'Kubernetes' })[id] ?? id;
    expect(compatibility(base, base, names)).toEqual({
      score: 100,
      reasons: [
        'You both speak en',
        'Shared goals: lead my first team',
        'Offers 2 of the 2 skills wanted: Go, Kubernetes',
        'Same industry: technology',
        'Both prefer a direct style',
        'Same time zone',
        'Similar time to give: 4 and 4 hours a month',
      ],
    });
  });

  it('refuses a pair with no shared language, whatever else fits', () => {
    expect(compatibility(base, { ...base, languages: ['de'] })).toBeNull();
    expect(compatibilityScore(base, { ...base, languages: ['de'] })).toBeNull();
  });

  it('weighs each part: half the skills, another style, 6 hours apart, half the hours', () => {
    const mentee: MatchIntake = {
      ...base,
      goals: ['get promoted'],
      skills: ['s-go', 's-rust'],
      industries: [],
      communicationStyle: 'HANDS_ON',
      utcOffsetMinutes: 60 + 6 * 60,
      hoursPerMonth: 8,
    };
    // skills 30 * 1/2 + time zone 15 * (1 - 6/12) + hours 10 * 4/8 = 15 + 7.5 + 5
    expect(compatibilityScore(base, mentee)).toBe(28);
    expect(compatibility(base, mentee)?.reasons).toEqual([
      'You both speak en',
      'Offers 1 of the 2 skills wanted: s-go',
      '6 hours apart in time zones',
    ]);
  });

  it('measures time zones the short way round the clock', () => {
    const auckland = { ...base, utcOffsetMinutes: 13 * 60 };
    const honolulu = { ...base, utcOffsetMinutes: -10 * 60 };
    expect(compatibility(auckland, honolulu)?.reasons).toContain('1 hour apart in time zones');
  });

  it('folds goals written differently into one, and quotes the mentee’s wording', () => {
    expect(foldGoal('  Lead my  First TEAM ')).toBe('lead my first team');
    const mentee = { ...base, goalLabels: ['Lead my first TEAM'] };
    expect(compatibility(base, mentee)?.reasons).toContain('Shared goals: Lead my first TEAM');
  });
});
