/**
 * The fake's reading endpoints for listening: a hashtag's public timeline and the notifications of
 * the token's account, paginated by id as Mastodon does (`max_id`, `since_id`, `min_id`, `limit`,
 * newest first, and the `Link` header with the next and previous pages).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notificationJson, statusJson } from './entities.js';
import { authenticate, type RouteContext } from './http.js';
import { hashtagsOf } from './store.js';

type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const compareIds = (a: string, b: string): number =>
  BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;

/**
 * Mastodon's paginate_by_id: `max_id` (older than), `since_id` (newer than, the newest ones),
 * `min_id` (newer than, the ones just after it); the page is always newest first.
 */
export function paginate<T extends { id: string }>(
  entries: readonly T[],
  query: Query,
  defaultLimit: number,
  maxLimit: number,
): T[] {
  const limit = Math.min(maxLimit, Math.max(1, Number(first(query.limit) ?? defaultLimit) || defaultLimit));
  const maxId = first(query.max_id);
  const sinceId = first(query.since_id);
  const minId = first(query.min_id);
  let selected = [...entries].sort((a, b) => compareIds(b.id, a.id));
  if (maxId !== undefined) {
    selected = selected.filter((entry) => compareIds(entry.id, maxId) < 0);
  }
  if (sinceId !== undefined) {
    selected = selected.filter((entry) => compareIds(entry.id, sinceId) > 0);
  }
  if (minId !== undefined) {
    return selected
      .filter((entry) => compareIds(entry.id, minId) > 0)
      .reverse()
      .slice(0, limit)
      .reverse();
  }
  return selected.slice(0, limit);
}

function linkHeader(
  reply: FastifyReply,
  request: FastifyRequest,
  base: string,
  page: readonly { id: string }[],
): void {
  const newest = page[0];
  const oldest = page.at(-1);
  if (newest === undefined || oldest === undefined) {
    return;
  }
  const path = request.url.split('?')[0] ?? '';
  const kept = new URLSearchParams(request.url.split('?')[1] ?? '');
  for (const name of ['max_id', 'since_id', 'min_id']) {
    kept.delete(name);
  }
  const at = (name: string, id: string): string => {
    const params = new URLSearchParams(kept);
    params.set(name, id);
    return `${base}${path}?${params.toString()}`;
  };
  void reply.header(
    'link',
    `<${at('max_id', oldest.id)}>; rel="next", <${at('min_id', newest.id)}>; rel="prev"`,
  );
}

export function timelineRoutes(app: FastifyInstance, context: RouteContext): void {
  const { store, base } = context;

  app.get<{ Params: { hashtag: string }; Querystring: Query }>(
    '/api/v1/timelines/tag/:hashtag',
    async (request, reply) => {
      if (authenticate(context, request, reply, 'optional') === undefined) {
        return reply;
      }
      const tag = request.params.hashtag.toLowerCase();
      const tagged = [...store.statuses.values()].filter(
        (status) => status.visibility === 'public' && hashtagsOf(status.text).includes(tag),
      );
      const page = paginate(tagged, request.query, 20, 40);
      linkHeader(reply, request, base(), page);
      return page.map((status) => statusJson(base(), status, store));
    },
  );

  app.get<{ Querystring: Query }>('/api/v1/notifications', async (request, reply) => {
    const account = authenticate(context, request, reply);
    if (account === undefined || account === null) {
      return reply;
    }
    const types = list(request.query['types[]'] ?? request.query.types);
    const excluded = list(request.query['exclude_types[]'] ?? request.query.exclude_types);
    const mine = store.notifications.filter(
      (n) =>
        n.accountId === account.id &&
        (types.length === 0 || types.includes(n.type)) &&
        !excluded.includes(n.type),
    );
    const page = paginate(mine, request.query, 40, 80);
    linkHeader(reply, request, base(), page);
    return page.map((notification) => notificationJson(base(), notification, store));
  });
}
