/**
 * Which posts of the whole network a Bluesky source keeps: those a saved query of the workspace or
 * one of the source's keywords matches, and those that mention or reply to one of the workspace's
 * connected Bluesky accounts. Queries are compiled once (matching.ts caches them by text) and the
 * filter is rebuilt when the workspace's queries or accounts change (`refresh`, cheap when nothing did).
 *
 * On the stream a post has not been analysed yet: when a query reads what only the analysis knows
 * (sentiment:, intent:, lang:) the post is analysed first, and when one reads `author:` its handle is
 * resolved first; otherwise neither is paid for posts the filter drops.
 */
import type { Analyzer } from '../../analysis/analyzer.js';
import { compileQuery, type CompiledQuery, type MatchableItem } from '../query/index.js';
import { keywordQuery } from '../sources/source-settings.js';
import type { BlueskyPost } from './bluesky-post.js';

export interface FilterInput {
  /** Saved queries' texts. */
  queries: readonly string[];
  keywords: readonly string[];
  /** DIDs of the workspace's connected Bluesky accounts (empty when the source does not track them). */
  accounts: readonly string[];
}

export type KeepReason = 'query' | 'mention' | 'reply';

export interface StreamFilter {
  /** Why the post is kept, or null. */
  keep(post: BlueskyPost): Promise<KeepReason | null>;
  /** Rebuilds the filter if the inputs changed. */
  refresh(input: FilterInput): void;
}

export function createStreamFilter(
  input: FilterInput,
  helpers: { analyzer: () => Promise<Analyzer>; handleOf: (did: string) => Promise<string | null> },
): StreamFilter {
  let fingerprint = '';
  let queries: CompiledQuery[] = [];
  let accounts = new Set<string>();
  let needsAnalysis = false;
  let needsAuthor = false;

  const build = (next: FilterInput): void => {
    const print = JSON.stringify(next);
    if (print === fingerprint) {
      return;
    }
    fingerprint = print;
    const texts = [...next.queries, ...next.keywords.map(keywordQuery)];
    queries = texts.flatMap((text) => {
      try {
        return [compileQuery(text)];
      } catch {
        return []; // refused when saved; one the language no longer accepts is skipped
      }
    });
    accounts = new Set(next.accounts);
    // Coarse on purpose: a false "needs" only costs an analysis, a missed one would drop matches.
    needsAnalysis = next.queries.some((text) => /\b(sentiment|intent|lang|language)\s*:/i.test(text));
    needsAuthor = next.queries.some((text) => /\bauthor\s*:/i.test(text));
  };
  build(input);

  return {
    refresh: build,
    async keep(post) {
      if (!accounts.has(post.did)) {
        if (post.mentionedDids.some((did) => accounts.has(did))) {
          return 'mention';
        }
        if (post.replyToDids.some((did) => accounts.has(did))) {
          return 'reply';
        }
      }
      if (queries.length === 0 || post.text.trim() === '') {
        return null;
      }
      const item: MatchableItem = {
        text: post.text,
        language: post.language ?? 'und',
        author: { handle: needsAuthor ? ((await helpers.handleOf(post.did)) ?? '') : '', followers: null },
        network: 'bluesky',
        sentiment: null,
        intents: [],
        hasLink: post.hasLink,
        hasImage: post.hasImage,
      };
      if (needsAnalysis) {
        const analysis = (await helpers.analyzer()).analyze(
          post.text,
          post.language ? { language: post.language } : {},
        );
        item.language = analysis.language;
        item.sentiment = analysis.sentiment.label;
        item.intents = analysis.intents.map((intent) => intent.label);
      }
      return queries.some((query) => query.test(item)) ? 'query' : null;
    },
  };
}
