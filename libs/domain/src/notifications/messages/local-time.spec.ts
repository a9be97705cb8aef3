import { localTime } from './local-time.js';

describe('localTime', () => {
  const at = new Date('2026-12-06T13:05:00Z');

  it('writes the instant in the reader’s zone and names the zone', () => {
    expect(localTime(at, 'Europe/Berlin')).toBe('Sun, 6 Dec 2026, 14:05 (Europe/Berlin)');
    expect(localTime(at, 'America/Sao_Paulo')).toBe('Sun, 6 Dec 2026, 10:05 (America/Sao_Paulo)');
  });

  it('moves the date when the zone is across midnight', () => {
    expect(localTime(new Date('2026-12-06T20:30:00Z'), 'Asia/Tokyo')).toBe('Mon, 7 Dec 2026, 05:30 (Asia/Tokyo)');
  });
});
