/** Posts as trends and competitor reports present them (network content, shown as text by the UI). */
import type { PostRow } from './insights.repo.js';

export interface PostView {
  id: string;
  network: string;
  url: string | null;
  author: { handle: string | null; name: string | null; followers: number | null };
  text: string;
  createdAt: string;
  likes: number;
  reposts: number;
  replies: number;
  /** likes + reposts + replies (missing counts as 0). */
  engagement: number;
}

export function engagementOf(row: Pick<PostRow, 'likes' | 'reposts' | 'replies'>): number {
  return (row.likes ?? 0) + (row.reposts ?? 0) + (row.replies ?? 0);
}

export function presentPost(row: PostRow): PostView {
  return {
    id: row.id,
    network: row.network,
    url: row.url,
    author: { handle: row.author_handle, name: row.author_name, followers: row.author_followers },
    text: row.text,
    createdAt: row.created_at,
    likes: row.likes ?? 0,
    reposts: row.reposts ?? 0,
    replies: row.replies ?? 0,
    engagement: engagementOf(row),
  };
}

/** Newer first among equals, then by id: the same order on both databases. */
export function byEngagement(a: PostView, b: PostView): number {
  return b.engagement - a.engagement || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}
