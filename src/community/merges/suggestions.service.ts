/**
 * Refreshing a workspace's merge suggestions: profiles grouped by key, posts streamed in time order
 * for cross-posting (suggestions.ts). A pair is suggested once: a pair already suggested, confirmed
 * or rejected ("not the same") is never suggested again; a pending one gets its reasons updated.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Database } from '../../db/schema.js';
import { parseLinks } from './match-keys.js';
import { mergesRepo } from './merges.repo.js';
import { buildSuggestions, CrossPostDetector, type PersonProfile } from './suggestions.js';

const PAGE = 2_000;

/** Loads the active people of a workspace as profiles to match. */
async function loadProfiles(db: Kysely<Database>, workspaceId: string): Promise<PersonProfile[]> {
  const repo = mergesRepo(db);
  const profiles = new Map<string, PersonProfile>();
  for (const person of await repo.activePeople(workspaceId)) {
    profiles.set(person.id, {
      id: person.id,
      names: [person.display_name],
      avatars: [person.avatar_url],
      handles: [],
      links: parseLinks(person.links),
      bios: [person.bio],
      networks: [],
    });
  }
  for (const identity of await repo.activeIdentities(workspaceId)) {
    const profile = profiles.get(identity.person_id);
    if (!profile) {
      continue;
    }
    profile.names.push(identity.display_name);
    profile.avatars.push(identity.avatar_url);
    profile.handles.push(identity.handle);
    profile.links.push(...parseLinks(identity.links));
    profile.bios.push(identity.bio);
    if (!profile.networks.includes(identity.network)) {
      profile.networks.push(identity.network);
    }
  }
  return [...profiles.values()];
}

/** Cross-posts found in every text the people wrote, read page by page in time order. */
async function findCrossPosts(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<ReturnType<CrossPostDetector['evidence']>> {
  const repo = mergesRepo(db);
  const detector = new CrossPostDetector();
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const rows = await repo.authoredTexts(workspaceId, after, PAGE);
    for (const row of rows) {
      detector.add({
        personId: row.person_id,
        network: row.network,
        at: Date.parse(row.occurred_at),
        text: row.text,
      });
    }
    if (rows.length < PAGE) {
      break;
    }
    const last = rows.at(-1)!;
    after = { at: last.occurred_at, id: last.id };
  }
  return detector.evidence();
}

/** Finds new merge suggestions in a workspace; returns how many were created. */
export async function refreshSuggestions(
  db: Kysely<Database>,
  clock: Clock,
  workspaceId: string,
): Promise<{ created: number }> {
  const repo = mergesRepo(db);
  const profiles = await loadProfiles(db, workspaceId);
  const active = new Set(profiles.map((profile) => profile.id));
  // Activities of people merged away have moved to the kept person; any left are not matched.
  const crossPosts = (await findCrossPosts(db, workspaceId)).filter(
    (e) => active.has(e.a) && active.has(e.b),
  );
  const candidates = buildSuggestions(profiles, crossPosts);

  const known = new Map(
    (await repo.suggestionPairs(workspaceId)).map((row) => [`${row.person_a_id}\n${row.person_b_id}`, row]),
  );
  const now = clock.now().toISOString();
  const fresh = [];
  for (const candidate of candidates) {
    const reasons = JSON.stringify(candidate.reasons);
    const existing = known.get(`${candidate.a}\n${candidate.b}`);
    if (!existing) {
      fresh.push({
        id: newId(clock.now().getTime()),
        workspace_id: workspaceId,
        person_a_id: candidate.a,
        person_b_id: candidate.b,
        reasons,
        strength: candidate.strength,
        status: 'pending' as const,
        decided_by: null,
        decided_at: null,
        created_at: now,
      });
    } else if (
      existing.status === 'pending' &&
      (existing.reasons !== reasons || existing.strength !== candidate.strength)
    ) {
      await repo.updatePendingReasons(existing.id, reasons, candidate.strength);
    }
  }
  return { created: await repo.insertSuggestions(fresh) };
}

/** Refreshes the suggestions of every workspace that has people. */
export async function refreshAllSuggestions(
  db: Kysely<Database>,
  clock: Clock,
): Promise<{ workspaces: number; created: number }> {
  let created = 0;
  const workspaces = await mergesRepo(db).workspacesWithPeople();
  for (const workspaceId of workspaces) {
    created += (await refreshSuggestions(db, clock, workspaceId)).created;
  }
  return { workspaces: workspaces.length, created };
}
