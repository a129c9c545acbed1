/**
 * The guardrails' shared vocabulary. A finding's JSON shape is a public contract (CLI `hearth check
 * --json`, `POST /api/v1/check`): change it only additively.
 */

export type Severity = 'error' | 'warning' | 'suggestion';

export type Category = 'spelling' | 'typography' | 'voice' | 'tone' | 'claims' | 'originality' | 'network';

export interface Finding {
  /** Stable rule id, e.g. `spelling.unknown-word`, `typography.fr-nbsp-before-colon`. */
  rule: string;
  category: Category;
  severity: Severity;
  /** Character span in the checked text, [start, end), in UTF-16 code units (JavaScript string indices). */
  start: number;
  end: number;
  /** The text of the span. */
  text: string;
  /** One sentence saying what is wrong and why, addressed to the writer. */
  message: string;
  /** Replacements for the span, best first; may be empty. */
  suggestions: string[];
  /** Originality findings: the id of the source document and the similarity (0..1). */
  sourceId?: string;
  similarity?: number;
}

export type CheckLanguage = 'fr' | 'en';

export type NetworkName = 'bluesky' | 'mastodon' | 'x' | 'linkedin' | 'instagram' | 'facebook';
