/**
 * The opaque `ref` of a Bluesky post: what a reply, a delete and a metrics read need later. A reply
 * record names its parent AND its thread's root (uri + cid each), so the ref carries both, as compact
 * JSON: `{"uri":"at://…","cid":"bafy…","root":{"uri":…,"cid":…}}`, `root` left out when the post
 * starts its own thread.
 */
import { AtUri } from '@atproto/api';
import { z } from 'zod';
import { ConnectorError } from '../types.js';

export const POST_COLLECTION = 'app.bsky.feed.post';

export interface StrongRef {
  uri: string;
  cid: string;
}

export interface PostRef extends StrongRef {
  /** The first post of the thread (the post itself when it is not a reply). */
  root: StrongRef;
}

const strongRefSchema = z.object({
  uri: z.string().refine(isPostUri, { message: 'not the at:// address of a Bluesky post' }),
  cid: z.string().regex(/^[a-zA-Z0-9]+$/),
});

const refSchema = strongRefSchema.extend({ root: strongRefSchema.optional() });

export function encodePostRef(ref: PostRef): string {
  const self = { uri: ref.uri, cid: ref.cid };
  const isRoot = ref.root.uri === ref.uri && ref.root.cid === ref.cid;
  return JSON.stringify(isRoot ? self : { ...self, root: { uri: ref.root.uri, cid: ref.root.cid } });
}

/** Reads a ref back; a ref this connector did not make is refused ('permanent'). */
export function decodePostRef(ref: string): PostRef {
  let parsed: unknown;
  try {
    parsed = JSON.parse(ref);
  } catch {
    parsed = undefined;
  }
  const result = refSchema.safeParse(parsed);
  if (!result.success) {
    throw new ConnectorError('permanent', 'This is not a reference to a Bluesky post');
  }
  const { uri, cid, root } = result.data;
  return { uri, cid, root: root ?? { uri, cid } };
}

/** The public bsky.app link of a post. */
export function postUrl(uri: string): string {
  const at = new AtUri(uri);
  return `https://bsky.app/profile/${at.host}/post/${at.rkey}`;
}

function isPostUri(uri: string): boolean {
  try {
    const at = new AtUri(uri);
    return uri.startsWith('at://did:') && at.collection === POST_COLLECTION && at.rkey.length > 0;
  } catch {
    return false;
  }
}
