/**
 * The app.bsky.feed.post record Hearth writes, and the reading of one back. Mentions, links and
 * hashtags become facets (RichText.detectFacets: mentions are resolved to DIDs; a handle that does
 * not resolve stays plain text), images are uploaded as blobs with their alt text.
 */
import {
  AppBskyRichtextFacet,
  RichText,
  type $Typed,
  type AppBskyEmbedImages,
  type AppBskyFeedPost,
  type AtpAgent,
} from '@atproto/api';
import { z } from 'zod';
import type { ImageInput, OwnPost, PostInput, PublishedPost } from '../types.js';
import { encodePostRef, POST_COLLECTION, postUrl, type PostRef } from './post-ref.js';

export async function buildPostRecord(
  agent: AtpAgent,
  post: PostInput,
  parent: PostRef | undefined,
  createdAt: Date,
): Promise<AppBskyFeedPost.Record> {
  const facets = await facetsOf(agent, post.text);
  const embed = post.images && post.images.length > 0 ? await imagesEmbed(agent, post.images) : undefined;
  return {
    $type: POST_COLLECTION,
    text: post.text,
    createdAt: createdAt.toISOString(),
    ...(facets.length > 0 ? { facets } : {}),
    ...(embed ? { embed } : {}),
    ...(parent ? { reply: { root: parent.root, parent: { uri: parent.uri, cid: parent.cid } } } : {}),
    ...(post.language ? { langs: [post.language] } : {}),
  };
}

async function facetsOf(agent: AtpAgent, text: string): Promise<AppBskyRichtextFacet.Main[]> {
  const richText = new RichText({ text });
  await richText.detectFacets(agent);
  // detectFacets leaves an empty DID on a mention it could not resolve: the PDS would refuse it.
  return (richText.facets ?? [])
    .map((facet) => ({
      ...facet,
      features: facet.features.filter(
        (feature) => !AppBskyRichtextFacet.isMention(feature) || feature.did.startsWith('did:'),
      ),
    }))
    .filter((facet) => facet.features.length > 0);
}

async function imagesEmbed(agent: AtpAgent, images: ImageInput[]): Promise<$Typed<AppBskyEmbedImages.Main>> {
  const uploaded: AppBskyEmbedImages.Image[] = [];
  for (const image of images) {
    const response = await agent.uploadBlob(image.data, { encoding: image.mimeType });
    uploaded.push({ image: response.data.blob, alt: image.altText });
  }
  return { $type: 'app.bsky.embed.images', images: uploaded };
}

const strongRefSchema = z.object({ uri: z.string(), cid: z.string() });
const storedPostSchema = z.object({
  text: z.string(),
  createdAt: z.string(),
  reply: z.object({ root: strongRefSchema, parent: strongRefSchema }).optional(),
});

/** A post record read from the repository (getRecord, listRecords), or null when it is not a post. */
export function readOwnPost(uri: string, cid: string, value: unknown): OwnPost | null {
  const parsed = storedPostSchema.safeParse(value);
  if (!parsed.success) {
    return null;
  }
  const { text, createdAt, reply } = parsed.data;
  const root = reply ? { uri: reply.root.uri, cid: reply.root.cid } : { uri, cid };
  const time = new Date(createdAt);
  return {
    externalId: uri,
    url: postUrl(uri),
    ref: encodePostRef({ uri, cid, root }),
    publishedAt: Number.isNaN(time.getTime()) ? createdAt : time.toISOString(),
    text,
  };
}

export function withoutText(post: OwnPost): PublishedPost {
  const { text: _text, ...published } = post;
  return published;
}
