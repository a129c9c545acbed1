import { describe, expect, it } from 'vitest';
import { formatWordCounts, NO_COUNTS, parseWordCounts } from './frequencies.js';

describe('word counts', () => {
  it('tallies known words, drops rare ones and reads its own format back', () => {
    const words = 'The cat and the dog and the bird saw Zorglub'.split(' ');
    const file = formatWordCounts(words, (w) => w !== 'zorglub', 2, ['test counts']);
    expect(file).toBe('# test counts\nthe\t3\nand\t2\n');
    const counts = parseWordCounts(file);
    expect(counts.size).toBe(2);
    expect(counts.count('THE')).toBe(3);
    expect(counts.count('cat')).toBe(0);
    expect(counts.commonness('the')).toBe(1);
    expect(counts.commonness('and')).toBeCloseTo(Math.log(3) / Math.log(4));
    expect(counts.commonness('bird')).toBe(0);
  });

  it('gives no counts when there is no file or nothing usable in it', () => {
    expect(parseWordCounts(undefined)).toBe(NO_COUNTS);
    expect(parseWordCounts('# only a comment\nbroken line\n')).toBe(NO_COUNTS);
  });
});
