import { describe, expect, it } from 'vitest';
import { invalidSlotRows, nextSlotRow, slotsFromRows, weekdayName } from './slots';

describe('queue slot rows', () => {
  it('saves complete rows once each, by weekday then time', () => {
    expect(
      slotsFromRows([
        { weekday: 2, time: '18:00' },
        { weekday: 0, time: '09:30:00' },
        { weekday: 2, time: '08:15' },
        { weekday: 0, time: '09:30' },
        { weekday: 4, time: '' },
        { weekday: 7, time: '10:00' },
      ]),
    ).toEqual([
      { weekday: 0, time: '09:30' },
      { weekday: 2, time: '08:15' },
      { weekday: 2, time: '18:00' },
    ]);
  });

  it('points at the rows whose time is missing or wrong', () => {
    expect(
      invalidSlotRows([
        { weekday: 0, time: '09:00' },
        { weekday: 1, time: '' },
        { weekday: 1, time: '24:00' },
      ]),
    ).toEqual([1, 2]);
  });

  it('adds a row an hour after the last one', () => {
    expect(nextSlotRow([])).toEqual({ weekday: 0, time: '09:00' });
    expect(nextSlotRow([{ weekday: 3, time: '12:30' }])).toEqual({ weekday: 3, time: '13:30' });
    expect(nextSlotRow([{ weekday: 6, time: '23:00' }])).toEqual({ weekday: 0, time: '09:00' });
  });

  it('names weekdays from Monday', () => {
    expect(weekdayName(0, 'en')).toBe('Monday');
    expect(weekdayName(6, 'fr')).toBe('dimanche');
  });
});
