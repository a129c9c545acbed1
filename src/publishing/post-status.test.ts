import { expect, it } from 'vitest';
import { statusFromTargets } from './post-status.js';

it('gives the post the most urgent status of its targets', () => {
  expect(statusFromTargets(['published', 'published'])).toBe('published');
  expect(statusFromTargets(['published', 'failed'])).toBe('failed');
  expect(statusFromTargets(['published', 'unconfirmed'])).toBe('unconfirmed');
  expect(statusFromTargets(['scheduled', 'publishing'])).toBe('publishing');
  expect(statusFromTargets(['scheduled', 'published'])).toBe('scheduled');
  expect(statusFromTargets(['cancelled', 'published'])).toBe('published');
  expect(statusFromTargets(['cancelled'])).toBe('cancelled');
  expect(statusFromTargets([])).toBe('cancelled');
});
