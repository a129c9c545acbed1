/**
 * DID → handle, for the authors of the posts a stream keeps: the DID document from the PLC directory
 * (did:plc) or the host (did:web), read through the SSRF-guarded fetch, else the PDS's describeRepo.
 * The handle is the one the document claims (not verified both ways: it labels a mention, it grants
 * nothing). Cached per process: an author who posts often is looked up once an hour.
 */
import { z } from 'zod';

const TTL_MS = 60 * 60 * 1000;
const MISS_TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 20_000;
const TIMEOUT_MS = 5_000;

const didDocument = z.object({ alsoKnownAs: z.array(z.string()).optional() });
const describeRepo = z.object({ handle: z.string() });

export interface HandleResolver {
  /** The handle, or null when the DID cannot be resolved now. */
  resolve(did: string): Promise<string | null>;
}

export function createHandleResolver(options: {
  fetch: typeof fetch;
  plcUrl: string;
  /** http(s) address of a PDS to ask when the DID document does not answer. */
  pdsUrl?: string | null;
  now?: () => number;
}): HandleResolver {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { handle: string | null; until: number }>();

  async function getJson(url: string): Promise<unknown> {
    const response = await options.fetch(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    return await response.json();
  }

  async function fromDocument(did: string): Promise<string | null> {
    const url = did.startsWith('did:plc:')
      ? `${options.plcUrl.replace(/\/$/, '')}/${encodeURIComponent(did)}`
      : did.startsWith('did:web:')
        ? `https://${decodeURIComponent(did.slice('did:web:'.length))}/.well-known/did.json`
        : null;
    if (url === null) {
      return null;
    }
    const parsed = didDocument.safeParse(await getJson(url));
    const aka = parsed.success
      ? (parsed.data.alsoKnownAs ?? []).find((name) => name.startsWith('at://'))
      : undefined;
    return aka ? aka.slice('at://'.length) : null;
  }

  async function fromPds(did: string): Promise<string | null> {
    if (!options.pdsUrl) {
      return null;
    }
    const url = new URL('/xrpc/com.atproto.repo.describeRepo', options.pdsUrl);
    url.searchParams.set('repo', did);
    const parsed = describeRepo.safeParse(await getJson(url.href));
    return parsed.success ? parsed.data.handle : null;
  }

  return {
    async resolve(did) {
      const cached = cache.get(did);
      if (cached && cached.until > now()) {
        return cached.handle;
      }
      let handle: string | null = null;
      try {
        handle = (await fromDocument(did).catch(() => null)) ?? (await fromPds(did));
      } catch {
        handle = null;
      }
      if (cache.size >= MAX_ENTRIES) {
        cache.delete(cache.keys().next().value as string);
      }
      cache.set(did, { handle, until: now() + (handle === null ? MISS_TTL_MS : TTL_MS) });
      return handle;
    },
  };
}
