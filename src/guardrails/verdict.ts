import type { Finding } from './types.js';

export type Verdict = 'pass' | 'warn' | 'block';

const PENALTY = { error: 25, warning: 8, suggestion: 2 } as const;

/** `block` if any error, `warn` if any warning, else `pass`; suggestions never hold a text back. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) {
    return 'block';
  }
  return findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
}

/** 0–100: 100 minus 25 per error, 8 per warning and 2 per suggestion, floored at 0. */
export function scoreOf(findings: readonly Finding[]): number {
  return Math.max(0, 100 - findings.reduce((total, f) => total + PENALTY[f.severity], 0));
}
