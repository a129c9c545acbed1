import { describe, expect, it } from 'vitest';
import { timeZoneOptions } from './time-zones';

describe('timeZoneOptions', () => {
  it('sorts the zones and always offers UTC', () => {
    expect(timeZoneOptions(undefined, ['Europe/Paris', 'America/New_York'])).toEqual([
      'America/New_York',
      'Europe/Paris',
      'UTC',
    ]);
  });

  it('offers the current value even when this browser does not list it', () => {
    expect(timeZoneOptions('Etc/GMT+5', ['Europe/Paris'])).toContain('Etc/GMT+5');
  });

  it('lists each zone once', () => {
    expect(timeZoneOptions('Europe/Paris', ['Europe/Paris', 'UTC'])).toEqual(['Europe/Paris', 'UTC']);
  });

  it('knows the zones of this runtime by default', () => {
    expect(timeZoneOptions()).toContain('Europe/Paris');
  });
});
