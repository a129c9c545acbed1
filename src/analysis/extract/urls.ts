/**
 * Links as networks auto-link them: http(s) URLs, www. addresses and bare domains with a known
 * top-level domain ("example.com/path"), without trailing punctuation.
 */

const TLDS =
  'com|net|org|info|biz|io|co|ai|app|dev|me|tv|ly|gl|gg|fm|to|xyz|online|site|shop|store|blog|news|social|club|live|' +
  'fr|be|ch|ca|uk|de|es|it|pt|nl|eu|us|in|br|mx|ar|au|jp|cn|ru|pl|se|no|dk|fi|at|ie|lu|ma|tn|dz|sn|ci|re|nz|za';

/** Scheme or www. links, or bare domains not preceded by '@' (e-mails, handles) nor by a word character or dot. */
const URL_PATTERN = new RegExp(
  String.raw`\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+|(?<![\p{L}\p{N}_@.\/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${TLDS})\b(?![@\p{L}\p{N}_-])(?::\d{2,5})?(?:\/[^\s<>"]*)?`,
  'giu',
);

const MAYBE_URL = /https?:|www\.|[a-z0-9]\.[a-z]{2}/i;

/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?'"’”»…*]+$/u;

/** Links in order of appearance, as written, deduplicated; trailing punctuation and unbalanced ')' removed. */
export function extractUrls(text: string): string[] {
  return findUrls(text)
    .map((match) => match.url)
    .filter(unique());
}

export interface UrlMatch {
  url: string;
  start: number;
  end: number;
}

/** Links with their spans in `text`, duplicates kept: other extractors mask them. */
export function findUrls(text: string): UrlMatch[] {
  // Most texts hold no link: one cheap ASCII test spares the Unicode pattern.
  if (!MAYBE_URL.test(text)) {
    return [];
  }
  const found: UrlMatch[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    if (url.length > 0) {
      found.push({ url, start: match.index, end: match.index + url.length });
    }
  }
  return found;
}

function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    // A ')' closes the URL's own '(' (Wikipedia links) or the sentence's: keep only balanced ones.
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (url.endsWith(close) && count(url, close) > count(url, open)) {
        url = url.slice(0, -1);
      }
    }
    if (url === before) {
      return url;
    }
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) {
    if (c === char) {
      n++;
    }
  }
  return n;
}

/** Keeps the first of values equal ignoring case. */
export function unique(): (value: string) => boolean {
  const seen = new Set<string>();
  return (value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  };
}
