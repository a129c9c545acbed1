/**
 * npx tsx bench/listening/query.ts [--data DIR]
 * The listening query language over real posts (TweetEval sentiment train, English, and the eight
 * UMSAB train splits, French included): items per second for tokenising, for the fast `test`, for
 * `match` with its reasons, for each item against a workspace's several saved queries, and the
 * history search path (SQLite FTS5 prefilter in memory, then the evaluator). Figures only.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  readTweetEval,
  readUmsab,
  UMSAB_LANGUAGES,
  type UmsabLanguage,
} from '../../src/analysis/datasets/datasets.js';
import type { SentimentLabel } from '../../src/analysis/types.js';
import { packageRoot } from '../../src/cli/package-root.js';
import {
  buildPrefilter,
  compileQuery,
  parseQueryOrThrow,
  PreparedItem,
  searchText,
  type MatchableItem,
} from '../../src/listening/query/index.js';

const QUERIES = [
  // A brand and its products, minus the noise.
  '(apple OR iphone OR ipad OR macbook) -job* -hiring',
  // Service complaints, both proximity syntaxes.
  '"customer service" OR (service NEAR/3 (bad OR terrible OR awful OR worst)) OR "waiting hours"~4',
  // French, accents and elisions folded, a language filter.
  '(équipe OR match* OR l\'équipe) lang:fr -"coupe du monde"',
  '(climat* OR écolo* OR environnement) NEAR/5 (gouvernement OR ministre OR loi)',
  // Metadata first: cheap filters in front of the text.
  'sentiment:negative followers:>1000 (tomorrow OR tonight OR weekend)',
  // Wildcards, hashtags and mentions.
  'sustainab* OR environ* OR #climate OR #ClimateChange OR @user',
];

function dataDir(): string {
  const at = process.argv.indexOf('--data');
  return at >= 0 ? (process.argv[at + 1] ?? '') : join(packageRoot(), '..', 'shared', 'datasets');
}

const SENTIMENTS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
const NETWORKS = ['bluesky', 'mastodon', 'rss'];

function loadItems(dir: string): MatchableItem[] {
  const sources: { texts: string[]; labels: number[]; language: string }[] = [
    { ...readTweetEval(dir, 'sentiment', 'train'), language: 'en' },
    ...(Object.keys(UMSAB_LANGUAGES) as UmsabLanguage[]).map((code) => ({
      ...readUmsab(dir, code, 'train'),
      language: code,
    })),
  ];
  let n = 0;
  return sources.flatMap(({ texts, labels, language }) =>
    texts.map((text, i) => {
      n++;
      return {
        text,
        language,
        // Deterministic metadata: the datasets have none.
        author: { handle: `user${n % 997}`, followers: n % 7 === 0 ? null : (n * 7_919) % 50_000 },
        network: NETWORKS[n % 3] ?? 'rss',
        sentiment: SENTIMENTS[labels[i] ?? 1] ?? 'neutral',
        intents: [],
        hasLink: text.includes('http'),
        hasImage: n % 5 === 0,
      };
    }),
  );
}

/**
 * Items per second of `body` (which handles `count` items): the best of three runs, against noise.
 * `setup` runs untimed before each run (fresh prepared items, so no run reuses another's caches).
 */
function perSecond<T>(
  count: number,
  body: (input: T) => void,
  setup: () => T = () => undefined as T,
): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const input = setup();
    const start = performance.now();
    body(input);
    best = Math.min(best, performance.now() - start);
  }
  return count / (best / 1_000);
}

/** Items tokenised (untimed), as the live stream holds them once for all queries. */
function tokenised(): PreparedItem[] {
  return items.map((item) => {
    const prepared = new PreparedItem(item);
    void prepared.tokens;
    return prepared;
  });
}

const rate = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;

const items = loadItems(dataDir());
console.log(
  `# Listening query language\n\n${items.length.toLocaleString('en-US')} posts, node ${process.version}, one thread\n`,
);

// Warm the caches (character folds, JIT) on a slice before timing.
for (const item of items.slice(0, 2_000)) {
  void new PreparedItem(item).tokens;
}
for (const query of QUERIES) {
  for (let i = 0; i < 200; i++) {
    compileQuery(query);
  }
}

const tokenising = perSecond(items.length, () => {
  for (const item of items) {
    void new PreparedItem(item).tokens;
  }
});
console.log(`Tokenise once per item: ${rate(tokenising)}\n`);

console.log('| query | matched | test (tokenising) | test (tokenised) | match, why (tokenised) | compile |');
console.log('|---|---:|---:|---:|---:|---:|');
const compiled = QUERIES.map((query) => compileQuery(query));
for (const [q, query] of QUERIES.entries()) {
  const compileMicros =
    1e6 /
    perSecond(1_000, () => {
      for (let i = 0; i < 1_000; i++) {
        compileQuery(query);
      }
    });
  const matcher = compiled[q] ?? compileQuery(query);
  const matched = items.filter((item) => matcher.test(item)).length;
  const cold = perSecond(items.length, () => {
    for (const item of items) {
      matcher.test(item);
    }
  });
  const warm = perSecond(
    items.length,
    (prepared: PreparedItem[]) => {
      for (const item of prepared) {
        matcher.test(item);
      }
    },
    tokenised,
  );
  const explained = perSecond(
    items.length,
    (prepared: PreparedItem[]) => {
      for (const item of prepared) {
        matcher.match(item);
      }
    },
    tokenised,
  );
  console.log(
    `| \`${query}\` | ${matched} | ${rate(cold)} | ${rate(warm)} | ${rate(explained)} | ${compileMicros.toFixed(0)} µs |`,
  );
}

const allQueries = perSecond(items.length, () => {
  for (const item of items) {
    const one = new PreparedItem(item);
    for (const matcher of compiled) {
      matcher.test(one);
    }
  }
});
console.log(
  `\nLive stream, each new item tokenised once and tested against all ${QUERIES.length} queries: ${rate(allQueries)}`,
);

// History: the FTS5 prefilter narrows, the evaluator confirms.
const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE items_fts USING fts5(search_text, tokenize = 'unicode61 remove_diacritics 2')");
const insert = db.prepare('INSERT INTO items_fts (rowid, search_text) VALUES (?, ?)');
const indexStart = performance.now();
db.transaction(() => {
  items.forEach((item, i) => insert.run(i, searchText(item.text)));
})();
const indexing = items.length / ((performance.now() - indexStart) / 1_000);
console.log(
  `\nHistory search: SQLite FTS5 in memory (searchText + insert ${rate(indexing)}), field filters left to the evaluator\n`,
);
console.log('| query | FTS5 candidates | confirmed | prefilter + confirm |');
console.log('|---|---:|---:|---:|');
const select = db.prepare('SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?');
for (const [q, query] of QUERIES.entries()) {
  const matcher = compiled[q] ?? compileQuery(query);
  const { fts5 } = buildPrefilter(parseQueryOrThrow(query));
  const start = performance.now();
  const ids = fts5 === null ? items.map((_, i) => ({ id: i })) : (select.all(fts5) as { id: number }[]);
  let confirmed = 0;
  for (const { id } of ids) {
    const item = items[id];
    confirmed += item && matcher.test(item) ? 1 : 0;
  }
  const millis = performance.now() - start;
  console.log(`| \`${query}\` | ${ids.length} | ${confirmed} | ${millis.toFixed(1)} ms |`);
}
db.close();
