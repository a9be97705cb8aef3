import { zonesNear } from './time-zone-window.js';

describe('zonesNear', () => {
  it('compares offsets at the given instant, so daylight saving moves the window', () => {
    const winter = zonesNear(['Europe/London'], new Date('2026-01-15T12:00:00Z'));
    const summer = zonesNear(['Europe/London'], new Date('2026-07-15T12:00:00Z'));
    // London is UTC+0 in winter and UTC+1 in summer; São Paulo stays at UTC-3.
    expect(winter).toContain('America/Sao_Paulo');
    expect(summer).not.toContain('America/Sao_Paulo');
    expect(summer).toContain('Europe/Moscow');
    expect(summer).not.toContain('Asia/Karachi');
  });

  it('accepts any of several zones and always includes the zones asked for', () => {
    const near = zonesNear(['Asia/Tokyo', 'America/New_York'], new Date('2026-03-01T00:00:00Z'));
    expect(near).toEqual(expect.arrayContaining(['Asia/Seoul', 'America/Chicago', 'Asia/Tokyo']));
    expect(near).not.toContain('Europe/Berlin');
    expect(near).not.toContain('UTC');
  });
});
