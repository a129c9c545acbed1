/**
 * Loaders for the evaluation sets, from a folder laid out like ../shared/datasets. The public sets
 * label none of our six intents directly; each function documents how its gold labels are derived.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A text with a binary gold label for one intent. */
export interface BinaryExample {
  text: string;
  gold: boolean;
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i += 1) {
    const char = content[i];
    if (quoted) {
      if (char === '"' && content[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[i + 1] === '\n') {
        i += 1;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** twitter-complaints (EVALUATION ONLY, no licence): gold = the paper's complaint label. */
export async function loadComplaints(dataDir: string): Promise<BinaryExample[]> {
  const rows = parseCsv(await readFile(join(dataDir, 'twitter-complaints', 'complaints-data.csv'), 'utf8'));
  return rows.filter((r) => r.length >= 3).map((r) => ({ text: r[1] ?? '', gold: r[2] === '1' }));
}

async function loadBanking77Test(dataDir: string): Promise<string[]> {
  const rows = parseCsv(await readFile(join(dataDir, 'banking77', 'test.csv'), 'utf8'));
  return rows.slice(1).map((r) => r[0] ?? '').filter((t) => t !== '');
}

const TRAILING_QUESTION_MARKS = /\?+\s*$/;

/**
 * Question syntax without the question mark: banking77 test queries, gold = the writer ended it
 * with "?", then that mark is removed so only wording can tell. Writers often leave the mark off
 * real questions, so precision here is a lower bound.
 */
export async function loadUnpunctuatedQuestions(dataDir: string): Promise<BinaryExample[]> {
  const texts = await loadBanking77Test(dataDir);
  return texts.map((text) => ({ text: text.replace(TRAILING_QUESTION_MARKS, ''), gold: TRAILING_QUESTION_MARKS.test(text) }));
}

type ClincSplit = [string, string][];
interface Clinc {
  val: ClincSplit;
  train: ClincSplit;
  oos_val: ClincSplit;
}

async function loadClinc(dataDir: string): Promise<{ clinc: Clinc; domainOf: Map<string, string> }> {
  const clinc = JSON.parse(await readFile(join(dataDir, 'clinc150', 'data_full.json'), 'utf8')) as Clinc;
  const domains = JSON.parse(await readFile(join(dataDir, 'clinc150', 'domains.json'), 'utf8')) as Record<string, string[]>;
  const domainOf = new Map<string, string>();
  for (const [domain, intents] of Object.entries(domains)) {
    for (const intent of intents) {
      domainOf.set(intent, domain);
    }
  }
  return { clinc, domainOf };
}

// Assistant chit-chat, commands and recipes: nobody asks a brand's support for these.
const NOT_SUPPORT_DOMAINS = new Set(['small_talk', 'meta', 'utility', 'kitchen_and_dining']);

/**
 * Support requests: every banking77 test query (customer-support requests) against clinc150 val
 * small talk, assistant commands, utilities, recipes and out-of-scope queries. Trailing "?" are
 * removed from both, as clinc150 has no punctuation at all.
 */
export async function loadSupportRequests(dataDir: string): Promise<BinaryExample[]> {
  const banking = await loadBanking77Test(dataDir);
  const { clinc, domainOf } = await loadClinc(dataDir);
  const negatives = [
    ...clinc.val.filter(([, intent]) => NOT_SUPPORT_DOMAINS.has(domainOf.get(intent) ?? '')),
    ...clinc.oos_val,
  ].map(([text]) => ({ text, gold: false }));
  return [...banking.map((text) => ({ text: text.replace(TRAILING_QUESTION_MARKS, ''), gold: true })), ...negatives];
}

// Buying or booking something for money.
const PURCHASE_INTENTS = new Set(['order', 'book_flight', 'book_hotel', 'car_rental']);
// Neither clearly a purchase nor clearly not: left out rather than guessed.
const AMBIGUOUS_PURCHASE_INTENTS = new Set(['shopping_list', 'shopping_list_update', 'order_status', 'order_checks', 'restaurant_reservation', 'uber', 'new_card']);

/** Purchase intent: clinc150 val "order", "book_flight", "book_hotel", "car_rental" against the other intents. */
export async function loadPurchaseIntents(dataDir: string): Promise<BinaryExample[]> {
  const { clinc } = await loadClinc(dataDir);
  return clinc.val
    .filter(([, intent]) => !AMBIGUOUS_PURCHASE_INTENTS.has(intent))
    .map(([text, intent]) => ({ text, gold: PURCHASE_INTENTS.has(intent) }));
}

/** Praise (thanks): clinc150 val "thank_you" against the other small-talk intents. */
export async function loadThanks(dataDir: string): Promise<BinaryExample[]> {
  const { clinc, domainOf } = await loadClinc(dataDir);
  return clinc.val
    .filter(([, intent]) => domainOf.get(intent) === 'small_talk')
    .map(([text, intent]) => ({ text, gold: intent === 'thank_you' }));
}

const ESCAPE = /\\u([0-9a-fA-F]{4})/g;

/** TweetEval sentiment val: ordinary English tweets, unlabelled for intents (firing rates only). */
export async function loadOrdinaryTweets(dataDir: string): Promise<string[]> {
  const content = await readFile(join(dataDir, 'tweeteval', 'sentiment', 'val_text.txt'), 'utf8');
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}
