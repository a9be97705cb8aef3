import { ProfileStatus } from './mentor-profile.entity.js';
import { needsTransition } from './profile-status.js';

describe('mentor profile lifecycle', () => {
  it.each([
    [ProfileStatus.DRAFT, ProfileStatus.PUBLISHED],
    [ProfileStatus.PUBLISHED, ProfileStatus.PAUSED],
    [ProfileStatus.PAUSED, ProfileStatus.PUBLISHED],
    [ProfileStatus.UNLISTED, ProfileStatus.PUBLISHED],
  ])('moves from %s to %s', (from, to) => {
    expect(needsTransition(from, to)).toBe(true);
  });

  it('treats a repeat as already done', () => {
    for (const status of Object.values(ProfileStatus)) expect(needsTransition(status, status)).toBe(false);
  });

  it.each([
    [ProfileStatus.DRAFT, ProfileStatus.PAUSED],
    [ProfileStatus.PUBLISHED, ProfileStatus.DRAFT],
    [ProfileStatus.PAUSED, ProfileStatus.DRAFT],
    [ProfileStatus.UNLISTED, ProfileStatus.PAUSED],
    [ProfileStatus.PUBLISHED, ProfileStatus.UNLISTED],
  ])('refuses %s to %s as a conflict', (from, to) => {
    expect(() => needsTransition(from, to)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
