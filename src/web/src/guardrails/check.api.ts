/** The guardrails API: `POST /check` runs every check on an outgoing text. */
import { api } from '../api/client';

export const NETWORKS = ['bluesky', 'mastodon', 'x', 'linkedin', 'instagram', 'facebook'] as const;
export type Network = (typeof NETWORKS)[number];

export const CHECK_LANGUAGES = ['auto', 'en', 'fr'] as const;
export type CheckLanguage = (typeof CHECK_LANGUAGES)[number];

export type Severity = 'error' | 'warning' | 'suggestion';
export type Verdict = 'pass' | 'warn' | 'block';

export interface Finding {
  rule: string;
  category: 'spelling' | 'typography' | 'voice' | 'tone' | 'claims' | 'originality' | 'network';
  severity: Severity;
  /** UTF-16 offsets into the checked text: the flagged passage is [start, end). */
  start: number;
  end: number;
  text: string;
  message: string;
  suggestions: string[];
  sourceId?: string;
  similarity?: number;
}

export interface CheckRequest {
  /** The workspace whose house style applies: its voice profile, dictionary, facts and time zone. */
  workspaceId?: string;
  text: string;
  language: CheckLanguage;
  network?: Network;
  /** The workspace's own words (brand, products…), never flagged as misspelt. */
  dictionary?: string[];
  /** The message this text answers: the reply-tone rules then compare the two. */
  replyTo?: string;
  /** A paid partnership: the voice profile's disclosure rule applies. */
  partnership?: boolean;
  /** With workspaceId: check in this connected account's voice (its override of the workspace's). */
  accountId?: string;
  /** The post's images: each needs its alt text. */
  images?: { altText: string | null }[];
  /** When it goes out (UTC ISO-8601): facts are checked as of then. */
  publishAt?: string;
}

export interface CheckResult {
  verdict: Verdict;
  score: number;
  language: 'fr' | 'en';
  findings: Finding[];
}

export const checkText = (request: CheckRequest, signal?: AbortSignal): Promise<CheckResult> =>
  api.post<CheckResult>('/check', request, signal ? { signal } : {});
