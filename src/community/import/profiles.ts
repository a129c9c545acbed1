/**
 * Profiles carried by imported rows (bio, links, avatar): written to the author's identity, and to
 * their person where the person has none yet (links are added to the person's). What merge
 * suggestions compare across networks ("same link in bio", "same name and avatar").
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';

export const MAX_BIO = 2_000;
export const MAX_LINKS = 10;

export const httpUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

export interface ImportedProfile {
  network: string;
  accountKey: string;
  bio: string | null;
  links: readonly string[];
  avatarUrl: string | null;
}

const parseLinks = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((link): link is string => typeof link === 'string') : [];
  } catch {
    return [];
  }
};

/** Applies the profiles (inside the caller's transaction, after the batch's identities exist). */
export async function applyProfiles(
  db: Kysely<Database>,
  workspaceId: string,
  profiles: Iterable<ImportedProfile>,
): Promise<void> {
  for (const profile of profiles) {
    const identity = await db
      .selectFrom('person_identities')
      .innerJoin('people', 'people.id', 'person_identities.person_id')
      .select(['person_identities.id', 'person_identities.links', 'people.id as personId', 'people.links as personLinks'])
      .where('person_identities.workspace_id', '=', workspaceId)
      .where('person_identities.network', '=', profile.network)
      .where('person_identities.account_key', '=', profile.accountKey)
      .executeTakeFirst();
    if (!identity) {
      continue; // Forgotten (never recorded) or refused.
    }
    const links = [...new Set([...parseLinks(identity.links), ...profile.links])].slice(0, MAX_LINKS);
    await db
      .updateTable('person_identities')
      .set({
        ...(profile.bio !== null ? { bio: profile.bio } : {}),
        ...(profile.avatarUrl !== null ? { avatar_url: profile.avatarUrl } : {}),
        links: JSON.stringify(links),
      })
      .where('id', '=', identity.id)
      .execute();
    const personLinks = [...new Set([...parseLinks(identity.personLinks), ...profile.links])];
    await db
      .updateTable('people')
      .set((eb) => ({
        bio: eb.fn.coalesce('bio', eb.val(profile.bio)),
        avatar_url: eb.fn.coalesce('avatar_url', eb.val(profile.avatarUrl)),
        links: JSON.stringify(personLinks),
      }))
      .where('id', '=', identity.personId)
      .execute();
  }
}
