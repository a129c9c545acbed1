/**
 * Moderation on Bluesky, from the account's own repository: a block is an `app.bsky.graph.block`
 * record (under a record key derived from the blocked DID, so blocking again writes the same record),
 * and a hidden reply is listed in the thread gate of our post that started the thread
 * (`app.bsky.feed.threadgate`, same record key as that post; who may reply is kept as it was).
 */
import { AtUri, type AtpAgent } from '@atproto/api';
import { ConnectorError } from '../types.js';
import { decodePostRef } from './post-ref.js';
import { recordKeyFor } from './record-key.js';
import { getRecordOrNull } from './records.js';

const BLOCK_COLLECTION = 'app.bsky.graph.block';
const THREADGATE_COLLECTION = 'app.bsky.feed.threadgate';

interface SignedIn {
  agent: AtpAgent;
  did: string;
}

export async function blockAccount({ agent, did }: SignedIn, account: string, now: Date): Promise<void> {
  const subject = account.startsWith('did:')
    ? account
    : (await agent.resolveHandle({ handle: account.replace(/^@/, '') })).data.did;
  if (subject === did) {
    throw new ConnectorError('permanent', 'An account cannot block itself');
  }
  await agent.com.atproto.repo.putRecord({
    repo: did,
    collection: BLOCK_COLLECTION,
    rkey: recordKeyFor(`block-${subject.replace(/[^A-Za-z0-9._~-]/g, '_')}`.slice(0, 64)),
    record: { $type: BLOCK_COLLECTION, subject, createdAt: now.toISOString() },
  });
}

export async function hideReply({ agent, did }: SignedIn, ref: string, now: Date): Promise<void> {
  const reply = decodePostRef(ref);
  const root = new AtUri(reply.root.uri);
  if (reply.root.uri === reply.uri) {
    throw new ConnectorError('permanent', 'This post is not a reply: there is nothing to hide it from');
  }
  if (root.host !== did) {
    throw new ConnectorError('permanent', 'Only replies in threads this account started can be hidden');
  }
  const existing = await getRecordOrNull(agent, {
    repo: did,
    collection: THREADGATE_COLLECTION,
    rkey: root.rkey,
  });
  const gate = (existing?.value ?? {}) as { allow?: unknown[]; hiddenReplies?: string[]; createdAt?: string };
  const hidden = new Set(gate.hiddenReplies ?? []);
  if (hidden.has(reply.uri)) {
    return;
  }
  hidden.add(reply.uri);
  await agent.com.atproto.repo.putRecord({
    repo: did,
    collection: THREADGATE_COLLECTION,
    rkey: root.rkey,
    record: {
      $type: THREADGATE_COLLECTION,
      post: reply.root.uri,
      ...(gate.allow !== undefined ? { allow: gate.allow } : {}),
      hiddenReplies: [...hidden],
      createdAt: gate.createdAt ?? now.toISOString(),
    },
  });
}
