/**
 * How an account is named in the CRM: one normalised key per network (a lower-cased handle without
 * '@', or a DID / account id as given, lower-cased), and the hash a "forget" keeps of it so that the
 * sync and the import can refuse that identity again without keeping who it was.
 */
import { sha256 } from '../core/hashing.js';

/** Longest account key we keep (handles, DIDs and ids are far shorter). */
export const MAX_ACCOUNT_KEY = 300;

/** The network's key for a handle or an account id: trimmed, without a leading '@', lower-cased; null when empty. */
export function accountKeyOf(handleOrId: string | null | undefined): string | null {
  if (handleOrId === null || handleOrId === undefined) {
    return null;
  }
  const key = handleOrId.trim().replace(/^@+/, '').toLowerCase();
  return key === '' || key.length > MAX_ACCOUNT_KEY ? null : key;
}

/** The handle as shown: trimmed, without a leading '@'. */
export function handleOf(handleOrId: string): string {
  return handleOrId.trim().replace(/^@+/, '');
}

/** What forgotten_identities keeps of an identity: sha256(network + '\n' + account key), hex. */
export function forgottenKeyHash(network: string, accountKey: string): string {
  return sha256(`${network}\n${accountKey}`);
}

/** A map key for (network, account key) pairs. */
export const identityKey = (network: string, accountKey: string): string => `${network}\u0000${accountKey}`;
