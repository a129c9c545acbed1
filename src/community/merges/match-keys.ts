/**
 * The keys that tell two identities on different networks may be one person: a normalised link, a
 * folded display name, a user name without its network's suffix, a normalised post text. Pure.
 */

/** Query parameters that say where a click came from, never what the page is. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'source',
  'si',
  '_ga',
  '_gl',
  'mkt_tok',
  'spm',
  'feature',
]);

/**
 * Hosts whose root identifies nobody: social networks and link-in-bio hubs. A path on them does
 * (`linktr.ee/alice` is Alice's page, so it stays a strong signal); their bare root does not.
 * URL shorteners are dropped whole: `t.co/…` is rewritten per post and `bit.ly/…` is often a
 * campaign link shared by many.
 */
const PLATFORM_HOSTS = new Set([
  'linktr.ee',
  'beacons.ai',
  'lnk.bio',
  'bio.link',
  'carrd.co',
  'about.me',
  'bsky.app',
  'bsky.social',
  'mastodon.social',
  'twitter.com',
  'x.com',
  'instagram.com',
  'facebook.com',
  'youtube.com',
  'tiktok.com',
  'linkedin.com',
  'github.com',
  'medium.com',
  'substack.com',
  'threads.net',
  'reddit.com',
]);
const SHORTENERS = new Set([
  't.co',
  'bit.ly',
  'buff.ly',
  'ow.ly',
  'tinyurl.com',
  'goo.gl',
  'lnkd.in',
  'dlvr.it',
  'ift.tt',
]);

/**
 * A link as a matching key: lower-case host without `www.`, no scheme, port, fragment or trailing
 * slash, tracking parameters removed and the others sorted; null when it is not an http(s) link
 * or identifies nobody (a platform's root, a shortener).
 */
export function normaliseLink(raw: string): string | null {
  let text = raw.trim();
  if (text === '' || /\s/.test(text)) {
    return null;
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!/^[^/]+\.[a-z]{2,}(?:[/:?#]|$)/i.test(text)) {
      return null;
    }
    text = `https://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return null;
  }
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  if (!host.includes('.') || SHORTENERS.has(host)) {
    return null;
  }
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !name.toLowerCase().startsWith('utm_') && !TRACKING_PARAMS.has(name.toLowerCase()))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  if (path === '' && params.length === 0 && PLATFORM_HOSTS.has(host)) {
    return null;
  }
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${path}${query}`;
}

/** The links in a JSON array column (people.links, person_identities.links); bad JSON gives none. */
export function parseLinks(json: string | null): string[] {
  if (!json) {
    return [];
  }
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** URLs written in a bio. */
export function linksInText(text: string | null): string[] {
  if (!text) {
    return [];
  }
  return [...text.matchAll(/\bhttps?:\/\/[^\s<>"')\]]+/gi)].map((match) =>
    match[0].replace(/[.,;:!?]+$/, ''),
  );
}

/**
 * A display name folded for comparison: accents, case, emoji and punctuation removed, spaces
 * collapsed. Null when fewer than 3 letters or digits remain (too common to mean anything).
 */
export function foldName(name: string | null): string | null {
  if (!name) {
    return null;
  }
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return folded.replace(/ /g, '').length >= 3 ? folded : null;
}

/**
 * A user name without its network's suffix: `alice@mastodon.social` and `@alice.bsky.social` both
 * give `alice`, and so does a domain handle `alice.dev`. Null under 3 characters.
 */
export function handleStem(handle: string | null): string | null {
  if (!handle) {
    return null;
  }
  const bare = handle.trim().replace(/^@/, '').toLowerCase();
  const local = bare.includes('@') ? bare.split('@')[0]! : bare.split('.')[0]!;
  const stem = local
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return stem.length >= 3 ? stem : null;
}

/**
 * A Bluesky-style domain handle (`alice.example.com`, not `alice.bsky.social`) is a website the
 * person proved they own: as a link key it meets the same site linked from another network.
 */
export function domainOfHandle(handle: string | null): string | null {
  if (!handle) {
    return null;
  }
  const bare = handle.trim().replace(/^@/, '').toLowerCase();
  if (bare.includes('@') || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(bare) || bare.endsWith('.bsky.social')) {
    return null;
  }
  return normaliseLink(bare);
}

/** The fewest letters and words a text needs before two equal copies mean the same author. */
export const MIN_CROSS_POST_CHARS = 24;
const MIN_CROSS_POST_WORDS = 4;

/**
 * A post's text as a cross-posting key: links and @mentions removed (cross-posting tools rewrite
 * them per network), accents kept, case and punctuation folded. Null when too short to be telling.
 */
export function crossPostKey(text: string | null): string | null {
  if (!text || text.length < MIN_CROSS_POST_CHARS) {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- the fast path for plain ASCII texts
  let key = (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text).toLowerCase();
  if (key.includes('http')) {
    key = key.replace(/\bhttps?:\/\/\S+/g, ' ');
  }
  if (key.includes('@')) {
    key = key.replace(/(^|\s)@[\w.@-]+/g, ' ');
  }
  key = key.replace(/[^\p{L}\p{N}#]+/gu, ' ').trim();
  if (key.length < MIN_CROSS_POST_CHARS) {
    return null;
  }
  let words = 1;
  for (let i = 0; i < key.length && words < MIN_CROSS_POST_WORDS; i++) {
    if (key.charCodeAt(i) === 32) {
      words += 1;
    }
  }
  return words >= MIN_CROSS_POST_WORDS ? key : null;
}
