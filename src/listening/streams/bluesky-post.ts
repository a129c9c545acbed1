/**
 * A Bluesky post as listening needs it, read from a record of the event stream or the AppView's
 * search: its text, who it mentions (facets) and replies to (the DIDs of its parent and root), and
 * the item `ingestItems` stores for it — with what the inbox needs to thread it and answer it (the
 * connector's ref format, `connectors/bluesky/post-ref.ts`).
 */
import { z } from 'zod';
import { encodePostRef, type StrongRef } from '../../connectors/bluesky/post-ref.js';
import type { IncomingItem } from '../items.js';

export interface BlueskyPost {
  /** at://did/app.bsky.feed.post/rkey */
  uri: string;
  did: string;
  rkey: string;
  /** The record's CID, when the reader gave it (needed to answer the post). */
  cid: string | null;
  text: string;
  createdAt: string | null;
  /** ISO 639-1 when the post states it. */
  language: string | null;
  mentionedDids: string[];
  /** Authors of the post it answers and of its thread's first post. */
  replyToDids: string[];
  /** The post it answers and its thread's first post, when it is a reply. */
  replyParent: StrongRef | null;
  replyRoot: StrongRef | null;
  hasImage: boolean;
  hasLink: boolean;
}

const feature = z.object({
  $type: z.string().optional(),
  did: z.string().optional(),
  uri: z.string().optional(),
});
const strongRef = z.object({ uri: z.string(), cid: z.string() });
const postRecord = z.object({
  text: z.string(),
  createdAt: z.string().optional().catch(undefined),
  langs: z.array(z.string()).optional().catch(undefined),
  facets: z
    .array(z.object({ features: z.array(feature).catch([]) }))
    .optional()
    .catch(undefined),
  reply: z.object({ root: strongRef, parent: strongRef }).optional().catch(undefined),
  embed: z.object({ $type: z.string().optional() }).loose().optional().catch(undefined),
});

/** The DID an at:// URI's repository is. */
export function didOfUri(uri: string): string | null {
  return /^at:\/\/(did:[a-z]+:[^/]+)\//.exec(uri)?.[1] ?? null;
}

/** A post record, or null when it is not one (no text field, not an object). */
export function parsePost(
  uri: string,
  did: string,
  rkey: string,
  cid: string | null,
  record: unknown,
): BlueskyPost | null {
  const parsed = postRecord.safeParse(record);
  if (!parsed.success) {
    return null;
  }
  const { text, createdAt, langs, facets, reply, embed } = parsed.data;
  const features = (facets ?? []).flatMap((facet) => facet.features);
  const embedType = embed?.$type ?? '';
  const language = langs?.[0]?.toLowerCase().slice(0, 2) ?? null;
  return {
    uri,
    did,
    rkey,
    cid,
    text,
    createdAt: createdAt ?? null,
    language: language !== null && /^[a-z]{2}$/.test(language) ? language : null,
    mentionedDids: features.flatMap((f) =>
      f.$type === 'app.bsky.richtext.facet#mention' && f.did ? [f.did] : [],
    ),
    replyToDids: reply ? [reply.parent.uri, reply.root.uri].flatMap((u) => didOfUri(u) ?? []) : [],
    replyParent: reply ? { uri: reply.parent.uri, cid: reply.parent.cid } : null,
    replyRoot: reply ? { uri: reply.root.uri, cid: reply.root.cid } : null,
    hasImage:
      embedType.startsWith('app.bsky.embed.images') || embedType.startsWith('app.bsky.embed.recordWithMedia'),
    hasLink:
      features.some((f) => f.$type === 'app.bsky.richtext.facet#link') ||
      embedType.startsWith('app.bsky.embed.external'),
  };
}

/** The item to store (the import format); null for a post without text (nothing to listen to). */
export function postItem(post: BlueskyPost, handle: string | null): IncomingItem | null {
  if (post.text.trim() === '') {
    return null;
  }
  return {
    id: post.uri,
    network: 'bluesky',
    text: post.text,
    author: handle,
    createdAt:
      post.createdAt !== null && !Number.isNaN(Date.parse(post.createdAt))
        ? new Date(Date.parse(post.createdAt)).toISOString()
        : null,
    url: `https://bsky.app/profile/${handle ?? post.did}/post/${post.rkey}`,
    language: post.language,
    hasImage: post.hasImage,
    hasLink: post.hasLink,
    replyTo: post.replyParent?.uri ?? null,
    threadRoot: post.replyRoot?.uri ?? null,
    ref: post.cid
      ? encodePostRef({
          uri: post.uri,
          cid: post.cid,
          root: post.replyRoot ?? { uri: post.uri, cid: post.cid },
        })
      : null,
    // Who it is addressed to: the accounts it mentions and the author of the post it answers.
    addressedTo: [
      ...new Set([
        ...post.mentionedDids,
        ...(post.replyParent ? [didOfUri(post.replyParent.uri) ?? ''] : []),
      ]),
    ]
      .filter((did) => did !== '' && did !== post.did)
      .slice(0, 20),
  };
}
