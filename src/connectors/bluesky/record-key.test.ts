import { describe, expect, it } from 'vitest';
import { newId } from '../../core/ids.js';
import { recordKeyFor, tidTime } from './record-key.js';

// @atproto/syntax's TID rule, which the PDS applies to app.bsky.feed.post keys.
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

describe('recordKeyFor', () => {
  it('is a valid TID, the same for the same key', () => {
    const key = newId();
    expect(recordKeyFor(key)).toMatch(TID);
    expect(recordKeyFor(key)).toBe(recordKeyFor(key));
  });

  it('never changes (a retry after a change would not find the first attempt)', () => {
    expect(recordKeyFor('post-42')).toMatchInlineSnapshot(`"3g7naxo47wccm"`);
    expect(recordKeyFor('01kmrbk6ag7m5x3d6bq0z1n2c4')).toMatchInlineSnapshot(`"3mi2siwscurvn"`);
    expect(recordKeyFor('01kmrbk6ag7m5x3d6bq0z1n2c4.2')).toMatchInlineSnapshot(`"3mi2tcm7nid4m"`);
  });

  it('keeps the time of a leading Hearth id to about 72 minutes, so keys sort roughly like drafts', () => {
    const now = Date.UTC(2026, 2, 28, 9, 30, 0);
    const key = newId(now);
    const keyTime = tidTime(recordKeyFor(key)).getTime();
    expect(Math.abs(keyTime - now)).toBeLessThanOrEqual(2 ** 32 / 1000);
    expect(recordKeyFor(newId(now + 3 * 3_600_000)) > recordKeyFor(key)).toBe(true);
  });

  it('differs for the parts of one thread and for near ids', () => {
    const id = newId();
    const keys = [id, `${id}.1`, `${id}.2`, `${id}.3`, newId(), newId()].map(recordKeyFor);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts a key without a Hearth time between 2000 and 2020, before every Bluesky post', () => {
    for (const key of ['post-42', 'ABC', 'zzzzzzzzzzzzzz', '~']) {
      const time = tidTime(recordKeyFor(key)).getTime();
      expect(time).toBeGreaterThanOrEqual(Date.UTC(2000, 0, 1));
      expect(time).toBeLessThan(Date.UTC(2020, 0, 1));
      expect(recordKeyFor(key)).toMatch(TID);
    }
  });

  it('spreads 100,000 keys of one hour without a collision', () => {
    // Deterministic keys: one millisecond's Hearth id prefix, then a counter.
    const keys = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      keys.add(recordKeyFor(`01kmrbk6ag${i.toString(32).padStart(16, '0')}`));
    }
    expect(keys.size).toBe(100_000);
  });
});
