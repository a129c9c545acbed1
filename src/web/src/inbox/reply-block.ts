/**
 * A reply the guardrails refused: the server's 409 names each blocking rule (`check.tone.aggressive`)
 * with its message; they become findings for the shared FindingList (errors, no passage to apply).
 */
import type { CheckResult, Finding } from '../guardrails/check.api';
import { guardrailsBlockOf } from '../publishing/guardrails-block';

const CATEGORIES: readonly Finding['category'][] = [
  'spelling',
  'typography',
  'voice',
  'tone',
  'claims',
  'originality',
  'network',
];

/** `tone.aggressive` → tone; a family this UI does not know is shown as a voice finding. */
export function categoryOfRule(rule: string): Finding['category'] {
  const family = rule.split('.')[0] ?? '';
  return CATEGORIES.find((category) => category === family) ?? 'voice';
}

export interface ReplyBlock {
  message: string;
  findings: Finding[];
}

/** The block in a failed reply; null for any other failure. */
export function replyBlockOf(error: unknown): ReplyBlock | null {
  const block = guardrailsBlockOf(error);
  if (block === null) {
    return null;
  }
  return {
    message: block.message,
    findings: block.findings.map((finding, index) => ({
      rule: finding.rule,
      category: categoryOfRule(finding.rule),
      severity: 'error',
      // No passage comes with a refusal; distinct offsets keep the list's keys apart.
      start: index,
      end: index,
      text: '',
      message: finding.message,
      suggestions: [],
    })),
  };
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, suggestion: 2 };

/**
 * The refusal with the findings of a full check of the same text (they carry the flagged passage),
 * errors first; unchanged when that check does not block (it ran on other settings than the reply).
 */
export function withPassages(block: ReplyBlock, check: CheckResult): ReplyBlock {
  if (check.verdict !== 'block') {
    return block;
  }
  return {
    ...block,
    findings: [...check.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
  };
}
