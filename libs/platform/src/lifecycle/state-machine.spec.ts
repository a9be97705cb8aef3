import { DomainError } from '../errors/index.js';
import { StateMachine } from './state-machine.js';

type Light = 'RED' | 'GREEN' | 'YELLOW';

describe('StateMachine', () => {
  const light = new StateMachine<Light>('light', [
    ['RED', 'GREEN'],
    ['GREEN', 'YELLOW'],
    ['YELLOW', 'RED'],
  ]);

  it('allows exactly the listed moves', () => {
    expect(light.canMove('RED', 'GREEN')).toBe(true);
    expect(light.canMove('GREEN', 'RED')).toBe(false);
    expect(light.canMove('RED', 'RED')).toBe(false);
  });

  it('refuses any other move with CONFLICT naming both states', () => {
    expect(() => light.assertCanMove('RED', 'YELLOW')).toThrow(DomainError);
    try {
      light.assertCanMove('RED', 'YELLOW');
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFLICT', details: { from: 'RED', to: 'YELLOW' } });
    }
  });
});
