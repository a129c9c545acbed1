/**
 * Which people on different networks may be one person, and why. Pure: the service feeds it the
 * people's profiles and streams their posts through a CrossPostDetector.
 *
 * Candidates come from grouping by key (a link, a name with an avatar, a name with a user name, a
 * post text), never from comparing every pair: a key held by more than MAX_GROUP people is not
 * telling (the brand's own site, a default avatar, a campaign text) and is dropped.
 */
import {
  crossPostKey,
  domainOfHandle,
  foldName,
  handleStem,
  linksInText,
  normaliseLink,
} from './match-keys.js';
import type { MergeReason } from './merges.service.js';

/** People sharing a key beyond this many: the key is common, not an identity. */
export const MAX_GROUP = 4;
/** Two posts of the same text this close on two networks are a cross-post. */
export const CROSS_POST_WINDOW_MS = 10 * 60_000;

export interface PersonProfile {
  id: string;
  /** Display names of the person and of each identity. */
  names: (string | null)[];
  avatars: (string | null)[];
  /** Handles of the identities. */
  handles: (string | null)[];
  /** Links as stored (people.links, identities' links) and the bios to find more in. */
  links: string[];
  bios: (string | null)[];
  networks: string[];
}

export interface Candidate {
  /** a < b */
  a: string;
  b: string;
  reasons: MergeReason[];
  strength: number;
}

/** How much each kind of reason alone says; reasons combine as independent evidence. */
const WEIGHTS = {
  'same-link': 0.6,
  'same-name-and-avatar': 0.7,
  'same-name-and-handle': 0.45,
  'cross-posting': 0.5,
  'same-name': 0.2,
} as const;
export type ReasonCode = keyof typeof WEIGHTS;

const NETWORK_NAMES: Record<string, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  rss: 'a feed',
  webhook: 'a webhook',
};
const networkName = (network: string): string => NETWORK_NAMES[network] ?? network;

interface Keys {
  names: Map<string, string>;
  avatars: Set<string>;
  stems: Set<string>;
  links: Set<string>;
  networks: Set<string>;
}

function keysOf(profile: PersonProfile): Keys {
  const names = new Map<string, string>();
  for (const name of profile.names) {
    const folded = foldName(name);
    if (folded && name && !names.has(folded)) {
      names.set(folded, name.trim());
    }
  }
  const links = new Set<string>();
  for (const raw of [...profile.links, ...profile.bios.flatMap(linksInText)]) {
    const link = normaliseLink(raw);
    if (link) {
      links.add(link);
    }
  }
  for (const handle of profile.handles) {
    const domain = domainOfHandle(handle);
    if (domain) {
      links.add(domain);
    }
  }
  return {
    names,
    avatars: new Set(
      profile.avatars.filter((url): url is string => !!url && url.trim() !== '').map((url) => url.trim()),
    ),
    stems: new Set(profile.handles.map(handleStem).filter((stem): stem is string => stem !== null)),
    links,
    networks: new Set(profile.networks),
  };
}

const pairKey = (x: string, y: string): string => (x < y ? `${x}\n${y}` : `${y}\n${x}`);

/** People on disjoint networks only: two accounts on one network are two identities. */
const disjoint = (x: Set<string>, y: Set<string>): boolean => [...x].every((network) => !y.has(network));

function strengthOf(reasons: readonly MergeReason[]): number {
  let doubt = 1;
  for (const reason of reasons) {
    doubt *= 1 - (WEIGHTS[reason.code as ReasonCode] ?? 0);
  }
  return Math.round((1 - doubt) * 100) / 100;
}

/** Evidence of cross-posting for one pair of people. */
export interface CrossPostEvidence {
  a: string;
  b: string;
  /** Posts of one that the other posted too within the window. */
  count: number;
  networks: [string, string];
  /** The shortest gap seen, in milliseconds. */
  gapMs: number;
  example: string;
}

export interface AuthoredText {
  personId: string;
  network: string;
  /** Milliseconds since the epoch; texts must come in time order. */
  at: number;
  text: string | null;
}

/**
 * Finds the same text posted by two people on two networks within the window, streaming texts in
 * time order and holding only the last window's worth. A text posted by more than MAX_GROUP - 1
 * people within a window is a campaign or copypasta, not cross-posting, and says nothing.
 */
export class CrossPostDetector {
  private readonly recent = new Map<string, { personId: string; network: string; at: number }[]>();
  private readonly found = new Map<string, Map<string, CrossPostEvidence>>();
  private readonly noisy = new Set<string>();
  private added = 0;

  constructor(private readonly windowMs = CROSS_POST_WINDOW_MS) {}

  add(item: AuthoredText): void {
    const key = crossPostKey(item.text);
    if (key === null) {
      return;
    }
    if (++this.added % 5_000 === 0) {
      this.sweep(item.at);
    }
    const previous = this.recent.get(key);
    if (previous === undefined) {
      this.recent.set(key, [{ personId: item.personId, network: item.network, at: item.at }]);
      return;
    }
    const entries = previous.filter((entry) => item.at - entry.at <= this.windowMs);
    const matched = new Set<string>();
    for (const entry of [...entries].reverse()) {
      if (entry.personId === item.personId || entry.network === item.network || matched.has(entry.personId)) {
        continue;
      }
      // A post counts once for each other person, against their closest copy.
      matched.add(entry.personId);
      const pair = pairKey(entry.personId, item.personId);
      const byKey = this.found.get(pair) ?? new Map<string, CrossPostEvidence>();
      this.found.set(pair, byKey);
      const [a, b] =
        entry.personId < item.personId ? [entry.personId, item.personId] : [item.personId, entry.personId];
      const networks: [string, string] =
        a === entry.personId ? [entry.network, item.network] : [item.network, entry.network];
      const seen = byKey.get(key);
      const gap = item.at - entry.at;
      if (seen) {
        seen.count += 1;
        seen.gapMs = Math.min(seen.gapMs, gap);
      } else {
        byKey.set(key, { a, b, count: 1, networks, gapMs: gap, example: excerpt(item.text ?? '') });
      }
    }
    entries.push({ personId: item.personId, network: item.network, at: item.at });
    if (new Set(entries.map((entry) => entry.personId)).size >= MAX_GROUP) {
      this.noisy.add(key);
    }
    this.recent.set(key, entries);
  }

  /** The pairs found, each key's evidence added up; keys that turned out to be campaigns left out. */
  evidence(): CrossPostEvidence[] {
    const out: CrossPostEvidence[] = [];
    for (const byKey of this.found.values()) {
      const telling = [...byKey].filter(([key]) => !this.noisy.has(key)).map(([, evidence]) => evidence);
      const first = telling[0];
      if (first) {
        out.push({
          ...first,
          count: telling.reduce((sum, evidence) => sum + evidence.count, 0),
          gapMs: Math.min(...telling.map((evidence) => evidence.gapMs)),
        });
      }
    }
    return out;
  }

  private sweep(now: number): void {
    for (const [key, entries] of this.recent) {
      if (entries.every((entry) => now - entry.at > this.windowMs)) {
        this.recent.delete(key);
      }
    }
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function minutes(ms: number): string {
  const value = Math.max(1, Math.round(ms / 60_000));
  return ms < 60_000 ? 'less than a minute' : `${value} minute${value === 1 ? '' : 's'}`;
}

/**
 * The suggestions the profiles and the cross-posts support, strongest first. A pair needs at least
 * one sufficient reason (a shared link, name and avatar, name and user name, cross-posting); an
 * equal display name alone is never enough and only adds to the others.
 */
export function buildSuggestions(
  profiles: readonly PersonProfile[],
  crossPosts: readonly CrossPostEvidence[],
): Candidate[] {
  const keys = new Map(profiles.map((profile) => [profile.id, keysOf(profile)]));
  // Each key's people, up to MAX_GROUP; null once more share it (a common key is dropped whole).
  const groups = new Map<string, string[] | null>();
  const addTo = (key: string, personId: string): void => {
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [personId]);
    } else if (group !== null && !group.includes(personId)) {
      groups.set(key, group.length >= MAX_GROUP ? null : [...group, personId]);
    }
  };
  for (const [id, k] of keys) {
    for (const link of k.links) {
      addTo(`link\n${link}`, id);
    }
    for (const name of k.names.keys()) {
      for (const avatar of k.avatars) {
        addTo(`avatar\n${name}\n${avatar}`, id);
      }
      for (const stem of k.stems) {
        addTo(`stem\n${name}\n${stem}`, id);
      }
    }
  }

  const reasons = new Map<string, { a: string; b: string; reasons: MergeReason[] }>();
  const addReason = (x: string, y: string, reason: MergeReason): void => {
    const kx = keys.get(x);
    const ky = keys.get(y);
    if (x === y || !kx || !ky || !disjoint(kx.networks, ky.networks)) {
      return;
    }
    const pair = pairKey(x, y);
    const entry = reasons.get(pair) ?? { a: x < y ? x : y, b: x < y ? y : x, reasons: [] };
    if (!entry.reasons.some((r) => r.code === reason.code && r.detail === reason.detail)) {
      entry.reasons.push(reason);
    }
    reasons.set(pair, entry);
  };

  for (const [key, members] of groups) {
    if (members === null || members.length < 2) {
      continue;
    }
    const [kind, first, second] = key.split('\n') as [string, string, string];
    const ids = [...members].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const x = ids[i]!;
        const y = ids[j]!;
        const name = keys.get(x)?.names.get(first) ?? first;
        const networks = describeNetworks(keys.get(x)!, keys.get(y)!);
        if (kind === 'link') {
          addReason(x, y, { code: 'same-link', detail: `Both profiles link to ${first} (${networks})` });
        } else if (kind === 'avatar') {
          addReason(x, y, {
            code: 'same-name-and-avatar',
            detail: `Same display name “${name}” and the same profile picture (${networks})`,
          });
        } else {
          addReason(x, y, {
            code: 'same-name-and-handle',
            detail: `Same display name “${name}” and the same user name “${second}” (${networks})`,
          });
        }
      }
    }
  }

  for (const evidence of crossPosts) {
    const times = evidence.count === 1 ? 'once' : `${evidence.count} times`;
    const [first, second] = [...evidence.networks].sort().map(networkName);
    addReason(evidence.a, evidence.b, {
      code: 'cross-posting',
      detail:
        `Posted the same text on ${first!} and ${second!} ` +
        `${times}, ${minutes(evidence.gapMs)} apart at the closest: “${evidence.example}”`,
    });
  }

  const crossPostCount = new Map(crossPosts.map((e) => [pairKey(e.a, e.b), e.count]));
  const out: Candidate[] = [];
  for (const entry of reasons.values()) {
    const codes = new Set(entry.reasons.map((reason) => reason.code));
    if (!codes.has('same-name-and-avatar') && !codes.has('same-name-and-handle')) {
      const shared = [...keys.get(entry.a)!.names.keys()].find((name) => keys.get(entry.b)!.names.has(name));
      if (shared !== undefined) {
        entry.reasons.push({
          code: 'same-name',
          detail: `Same display name “${keys.get(entry.a)!.names.get(shared)}”`,
        });
      }
    }
    // Each further cross-post adds to the evidence, up to three.
    const extra = Math.min(crossPostCount.get(pairKey(entry.a, entry.b)) ?? 1, 3) - 1;
    const strength = Math.min(1, strengthOf(entry.reasons) + extra * 0.05);
    out.push({ a: entry.a, b: entry.b, reasons: entry.reasons, strength: Math.round(strength * 100) / 100 });
  }
  return out.sort((x, y) => y.strength - x.strength || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

function describeNetworks(x: Keys, y: Keys): string {
  const names = [...new Set([...x.networks, ...y.networks])].sort().map(networkName);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}` : names.join('');
}
