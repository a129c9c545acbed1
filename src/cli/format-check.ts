import type { CheckResult } from '../guardrails/check.js';

const MARK = { error: '✖', warning: '⚠', suggestion: '·' } as const;

/** A readable report of one check, for `hearth check` without --json. */
export function formatCheck(result: CheckResult): string {
  const lines = result.findings.map((f) => {
    const fix = f.suggestions.length > 0 ? ` → ${f.suggestions.slice(0, 3).join(' | ')}` : '';
    const source = f.sourceId !== undefined ? ` [source ${f.sourceId}, similarity ${f.similarity ?? 0}]` : '';
    return `${MARK[f.severity]} ${f.start}-${f.end} ${f.rule}: ${f.message}${fix}${source}`;
  });
  lines.push(`${result.verdict.toUpperCase()} — score ${result.score}/100, ${result.findings.length} finding(s), language ${result.language}`);
  return `${lines.join('\n')}\n`;
}
