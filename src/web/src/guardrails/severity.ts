/** The colours of severities and verdicts, shared by the list, the preview and the badge. */
import type { Severity, Verdict } from './check.api';

export const SEVERITY_COLOR: Record<Severity, string> = {
  error: 'red',
  warning: 'orange',
  suggestion: 'blue',
};

export const VERDICT_COLOR: Record<Verdict, string> = { pass: 'green', warn: 'orange', block: 'red' };
