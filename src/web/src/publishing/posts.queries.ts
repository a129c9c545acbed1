/** TanStack Query hooks for posts: lists (calendar, review, problems), one post, its workflow and images. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../app/query-keys';
import {
  addMedia,
  changeMediaAlt,
  deletePost,
  getPost,
  listPosts,
  removeMedia,
  runPostAction,
  updatePost,
  withoutNotice,
  type Post,
  type PostAction,
  type PostFilter,
} from './posts.api';

/** How often a post that is about to go out, or is going out, is read again. */
export const LIVE_REFRESH_MS = 5_000;
const SOON_MS = 15 * 60_000;

/** Whether a post is about to change on its own (the server's queue publishes it): watch it. */
export function isLive(post: Post, now = Date.now()): boolean {
  if (
    post.status === 'publishing' ||
    post.targets.some((t) => t.status === 'publishing' || t.nextAttemptAt !== null)
  ) {
    return true;
  }
  return post.status === 'scheduled' && post.publishAt !== null && Date.parse(post.publishAt) - now < SOON_MS;
}

export const usePostsQuery = (workspaceId: string, filter: PostFilter) =>
  useQuery({
    queryKey: queryKeys.postList(workspaceId, filter),
    queryFn: () => listPosts(workspaceId, filter),
    refetchInterval: (query) => (query.state.data?.some((post) => isLive(post)) ? LIVE_REFRESH_MS : false),
  });

export const usePostQuery = (workspaceId: string, postId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.post(workspaceId, postId ?? ''),
    queryFn: () => getPost(workspaceId, postId ?? ''),
    enabled: postId !== undefined,
    refetchInterval: (query) => (query.state.data && isLive(query.state.data) ? LIVE_REFRESH_MS : false),
  });

/** Puts the server's answer in the cache and has every list read again. */
export async function postChanged(client: QueryClient, workspaceId: string, post: Post): Promise<void> {
  client.setQueryData(queryKeys.post(workspaceId, post.id), post);
  await client.invalidateQueries({ queryKey: queryKeys.postLists(workspaceId) });
}

/** Submit, approve, request changes, reject, schedule, queue, cancel; the composer shows the errors. */
export function usePostAction(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, action }: { postId: string; action: PostAction }) =>
      runPostAction(workspaceId, postId, action),
    onSuccess: (post) => postChanged(client, workspaceId, post),
    // A refused schedule keeps the guardrails' findings on the post: read it again to show them.
    onError: (_error, { postId }) =>
      client.invalidateQueries({ queryKey: queryKeys.post(workspaceId, postId) }),
    meta: { inlineError: true },
  });
}

/** The calendar's drag and drop: a new publish time on the version shown. */
export function useMovePost(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ post, publishAt }: { post: Post; publishAt: string }) =>
      updatePost(workspaceId, post.id, { publishAt, version: post.version }),
    onSuccess: (post) => postChanged(client, workspaceId, withoutNotice(post)),
    // A refused move (409: changed elsewhere, or publishing began) leaves the calendar as the server has it.
    onError: () => client.invalidateQueries({ queryKey: queryKeys.postLists(workspaceId) }),
  });
}

export function useDeletePost(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: string) => deletePost(workspaceId, postId),
    onSuccess: async (_nothing, postId) => {
      client.removeQueries({ queryKey: queryKeys.post(workspaceId, postId) });
      await client.invalidateQueries({ queryKey: queryKeys.postLists(workspaceId) });
    },
  });
}

/** Attaches an image to `postId` (given with the image: a new post gets its id on its first save). */
export function useAddMedia(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      postId,
      ...media
    }: {
      postId: string;
      mimeType: string;
      dataBase64: string;
      altText: string;
    }) => addMedia(workspaceId, postId, media),
    onSuccess: (post) => postChanged(client, workspaceId, post),
    meta: { inlineError: true },
  });
}

export function useChangeMediaAlt(workspaceId: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mediaId, altText }: { mediaId: string; altText: string }) =>
      changeMediaAlt(workspaceId, postId, mediaId, altText),
    onSuccess: (post) => postChanged(client, workspaceId, post),
  });
}

export function useRemoveMedia(workspaceId: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) => removeMedia(workspaceId, postId, mediaId),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.posts(workspaceId) }),
  });
}
