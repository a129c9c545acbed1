import { describe, expect, it } from 'vitest';
import type { Finding } from './types.js';
import { scoreOf, verdictOf } from './verdict.js';

const finding = (severity: Finding['severity']): Finding => ({
  rule: 'x.y',
  category: 'typography',
  severity,
  start: 0,
  end: 1,
  text: 'x',
  message: 'm',
  suggestions: [],
});

describe('verdict and score', () => {
  it('blocks on any error, warns on warnings, passes on suggestions alone', () => {
    expect(verdictOf([finding('suggestion'), finding('error')])).toBe('block');
    expect(verdictOf([finding('suggestion'), finding('warning')])).toBe('warn');
    expect(verdictOf([finding('suggestion')])).toBe('pass');
    expect(verdictOf([])).toBe('pass');
  });

  it('scores from 100 down to 0', () => {
    expect(scoreOf([])).toBe(100);
    expect(scoreOf([finding('error'), finding('warning'), finding('suggestion')])).toBe(65);
    expect(scoreOf(Array.from({ length: 5 }, () => finding('error')))).toBe(0);
  });
});
