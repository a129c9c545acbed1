/**
 * Recording what people did, in bulk: the one path of the sync from mentions and of the activity
 * import. Each observed account becomes an identity on first sight (one per network and account key,
 * with a person of its own), each observation one activity, recorded once by its dedupe key; the
 * people's counters, first/last seen and languages follow. Identities a "forget" recorded are skipped
 * (as authors) or left out (as targets). Call it inside a transaction: a batch is written whole or not.
 */
import type { Kysely } from 'kysely';
import { newId } from '../core/ids.js';
import type { Database } from '../db/schema.js';
import { activitiesRepo, type IdentityRef, type NewActivity, type RowValue } from './activities.repo.js';
import type { ActivityOrigin, ActivityType } from './community.tables.js';
import { forgottenKeyHash, identityKey } from './identity-keys.js';

export interface ObservedAccount {
  network: string;
  /** Normalised (identity-keys.ts accountKeyOf). */
  accountKey: string;
  handle: string | null;
  displayName: string | null;
  followers: number | null;
}

export interface Observation {
  author: ObservedAccount;
  /** The account it answers, replies to, reposts… when known. */
  target: ObservedAccount | null;
  type: ActivityType;
  /** ISO-8601, UTC. */
  occurredAt: string;
  text: string | null;
  dedupeKey: string;
  mentionId: string | null;
  conversationId: string | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  intents: readonly string[];
  spam: boolean;
  offensive: boolean;
  engagementReceived: number | null;
  origin: ActivityOrigin;
  /** ISO 639-1 of the text, when known ('und' is ignored). */
  language: string | null;
}

export interface RecordReport {
  recorded: number;
  /** Already recorded (the same dedupe key), now or in this batch. */
  duplicates: number;
  /** About a forgotten identity: skipped on purpose. */
  forgotten: number;
}

interface AccountSeen {
  account: ObservedAccount;
  first: string;
  last: string;
  /** Seen acting (not only answered). */
  acted: boolean;
}

const min = (a: string, b: string): string => (a < b ? a : b);
const max = (a: string, b: string): string => (a > b ? a : b);

/** Records `observations` in the workspace (inside the caller's transaction). */
export async function recordObservations(
  db: Kysely<Database>,
  workspaceId: string,
  now: string,
  observations: readonly Observation[],
): Promise<RecordReport> {
  const repo = activitiesRepo(db);
  const report: RecordReport = { recorded: 0, duplicates: 0, forgotten: 0 };
  if (observations.length === 0) {
    return report;
  }

  // Forgotten identities: their activities are not recorded, and nobody is recorded answering them.
  const hashes = new Map<string, string>();
  const hashOf = (account: ObservedAccount): string => {
    const key = identityKey(account.network, account.accountKey);
    let hash = hashes.get(key);
    if (hash === undefined) {
      hash = forgottenKeyHash(account.network, account.accountKey);
      hashes.set(key, hash);
    }
    return hash;
  };
  const forgotten = await repo.forgottenHashes(
    workspaceId,
    observations.flatMap((o) => (o.target ? [hashOf(o.author), hashOf(o.target)] : [hashOf(o.author)])),
  );
  const kept: Observation[] = [];
  const keys = new Set<string>();
  for (const observation of observations) {
    if (forgotten.has(hashOf(observation.author))) {
      report.forgotten += 1;
    } else if (keys.has(observation.dedupeKey)) {
      report.duplicates += 1;
    } else {
      keys.add(observation.dedupeKey);
      kept.push(
        observation.target && forgotten.has(hashOf(observation.target))
          ? { ...observation, target: null }
          : observation,
      );
    }
  }
  if (kept.length === 0) {
    return report;
  }

  // Every account involved, with the span of time this batch saw it act in (or, for an account only
  // ever answered, the span it was answered in: a new identity needs a first and last seen).
  const accounts = new Map<string, AccountSeen>();
  const see = (account: ObservedAccount, at: string, acting: boolean): void => {
    const key = identityKey(account.network, account.accountKey);
    const seen = accounts.get(key);
    if (!seen) {
      accounts.set(key, { account, first: at, last: at, acted: acting });
    } else if (acting && !seen.acted) {
      accounts.set(key, { account, first: at, last: at, acted: true });
    } else if (acting === seen.acted) {
      seen.first = min(seen.first, at);
      seen.last = max(seen.last, at);
    }
  };
  for (const observation of kept) {
    see(observation.author, observation.occurredAt, true);
    if (observation.target) {
      see(observation.target, observation.occurredAt, false);
    }
  }
  const identities = await resolveIdentities(db, workspaceId, now, accounts);

  const rows: NewActivity[] = kept.map((o) => {
    const author = identities.get(identityKey(o.author.network, o.author.accountKey))!;
    const target = o.target ? identities.get(identityKey(o.target.network, o.target.accountKey)) : undefined;
    return {
      id: newId(),
      workspace_id: workspaceId,
      person_id: author.person_id,
      identity_id: author.id,
      network: o.author.network,
      type: o.type,
      occurred_at: o.occurredAt,
      text: o.text,
      dedupe_key: o.dedupeKey,
      target_identity_id: target?.id ?? null,
      target_key: o.target?.accountKey ?? null,
      mention_id: o.mentionId,
      conversation_id: o.conversationId,
      sentiment: o.sentiment,
      intents: JSON.stringify(o.intents),
      spam: o.spam ? 1 : 0,
      offensive: o.offensive ? 1 : 0,
      engagement_received: o.engagementReceived,
      origin: o.origin,
      created_at: now,
    };
  });
  const inserted = await repo.insertActivities(rows);
  report.recorded = inserted.size;
  report.duplicates += kept.length - inserted.size;
  if (inserted.size === 0) {
    return report;
  }

  // Counters of the people and identities that acted (only what was really inserted counts).
  const people = new Map<string, { count: number; first: string; last: string; languages: Set<string> }>();
  const acting = new Map<
    string,
    { first: string; last: string; followers: number | null; displayName: string | null }
  >();
  kept.forEach((o, index) => {
    const row = rows[index]!;
    if (!inserted.has(row.dedupe_key)) {
      return;
    }
    const person = people.get(row.person_id);
    if (person) {
      person.count += 1;
      person.first = min(person.first, o.occurredAt);
      person.last = max(person.last, o.occurredAt);
    } else {
      people.set(row.person_id, { count: 1, first: o.occurredAt, last: o.occurredAt, languages: new Set() });
    }
    if (o.language && o.language !== 'und') {
      people.get(row.person_id)!.languages.add(o.language);
    }
    const identity = acting.get(row.identity_id);
    if (!identity || o.occurredAt >= identity.last) {
      acting.set(row.identity_id, {
        first: identity ? min(identity.first, o.occurredAt) : o.occurredAt,
        last: o.occurredAt,
        followers: o.author.followers ?? identity?.followers ?? null,
        displayName: o.author.displayName ?? identity?.displayName ?? null,
      });
    } else {
      identity.first = min(identity.first, o.occurredAt);
    }
  });
  await repo.bumpPeople(
    [...people].map(([id, value]) => ({ id, value })),
    now,
  );
  await repo.touchIdentities([...acting].map(([id, value]) => ({ id, value })));

  const withLanguages = [...people].filter(([, value]) => value.languages.size > 0);
  if (withLanguages.length > 0) {
    const changed: RowValue<string>[] = [];
    for (const row of await repo.languagesOf(withLanguages.map(([id]) => id))) {
      const known = parseLanguages(row.languages);
      const all = new Set([...known, ...people.get(row.id)!.languages]);
      if (all.size > known.length) {
        changed.push({ id: row.id, value: JSON.stringify([...all].sort()) });
      }
    }
    await repo.setLanguages(changed);
  }
  return report;
}

function parseLanguages(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The identity of every account: found, or created with a person of its own. */
async function resolveIdentities(
  db: Kysely<Database>,
  workspaceId: string,
  now: string,
  accounts: Map<string, AccountSeen>,
): Promise<Map<string, IdentityRef>> {
  const repo = activitiesRepo(db);
  const byNetwork = new Map<string, string[]>();
  for (const { account } of accounts.values()) {
    const list = byNetwork.get(account.network) ?? [];
    list.push(account.accountKey);
    byNetwork.set(account.network, list);
  }
  const found = new Map<string, IdentityRef>();
  const lookUp = async (network: string, keys: string[]): Promise<void> => {
    for (const identity of await repo.identitiesByKey(workspaceId, network, keys)) {
      found.set(identityKey(identity.network, identity.account_key), identity);
    }
  };
  for (const [network, keys] of byNetwork) {
    await lookUp(network, keys);
  }
  const missing = [...accounts].filter(([key]) => !found.has(key)).map(([, seen]) => seen);
  if (missing.length === 0) {
    return found;
  }

  const created = missing.map((seen) => ({ seen, personId: newId(), identityId: newId() }));
  await repo.insertPeople(
    created.map(({ seen, personId }) => ({
      id: personId,
      workspaceId,
      displayName: seen.account.displayName ?? seen.account.handle ?? seen.account.accountKey,
      firstSeenAt: seen.first,
      lastSeenAt: seen.last,
      now,
    })),
  );
  const inserted = await repo.insertIdentities(
    created.map(({ seen, personId, identityId }) => ({
      id: identityId,
      workspaceId,
      personId,
      network: seen.account.network,
      accountKey: seen.account.accountKey,
      handle: seen.account.handle,
      displayName: seen.account.displayName,
      followers: seen.account.followers,
      firstSeenAt: seen.first,
      lastSeenAt: seen.last,
      now,
    })),
  );
  for (const identity of inserted) {
    found.set(identityKey(identity.network, identity.account_key), identity);
  }
  // Another writer created some of them first: drop our people for those and take theirs.
  const lost = created.filter(
    ({ seen }) => !found.has(identityKey(seen.account.network, seen.account.accountKey)),
  );
  if (lost.length > 0) {
    await repo.deletePeople(lost.map(({ personId }) => personId));
    const again = new Map<string, string[]>();
    for (const { seen } of lost) {
      again.set(seen.account.network, [...(again.get(seen.account.network) ?? []), seen.account.accountKey]);
    }
    for (const [network, keys] of again) {
      await lookUp(network, keys);
    }
  }
  return found;
}
