/** The fake's account and instance endpoints: who the token is, what the server allows, an account's posts. */
import type { FastifyInstance } from 'fastify';
import {
  accountJson,
  applicationJson,
  credentialAccountJson,
  instanceJson,
  statusJson,
  type InstanceSettings,
} from './entities.js';
import { authenticate, fail, type RouteContext } from './http.js';

export function accountRoutes(app: FastifyInstance, context: RouteContext, settings: InstanceSettings): void {
  const { store, base } = context;

  app.get('/api/v1/apps/verify_credentials', async (request, reply) => {
    if (authenticate(context, request, reply) === undefined) {
      return reply;
    }
    return applicationJson();
  });

  app.get('/api/v1/accounts/verify_credentials', async (request, reply) => {
    const account = authenticate(context, request, reply);
    if (account === undefined || account === null) {
      return reply;
    }
    return credentialAccountJson(base(), account, store);
  });

  app.get('/api/v2/instance', async () => instanceJson(base(), settings));

  // acct is `user` or `user@domain`; this instance's own domain names its local accounts.
  app.get<{ Querystring: { acct?: string } }>('/api/v1/accounts/lookup', async (request, reply) => {
    const [username, domain] = (request.query.acct ?? '').split('@');
    const local = domain === undefined || domain === new URL(base()).host;
    const account = local && username ? store.accountByUsername(username) : undefined;
    return account === undefined ? fail(reply, 404, 'Record not found') : accountJson(base(), account, store);
  });

  app.post<{ Params: { id: string } }>('/api/v1/accounts/:id/block', async (request, reply) => {
    const blocker = authenticate(context, request, reply);
    if (blocker === undefined || blocker === null) {
      return reply;
    }
    const target = store.account(request.params.id);
    if (target === undefined) {
      return fail(reply, 404, 'Record not found');
    }
    const blocked = store.blocks.get(blocker.id) ?? new Set<string>();
    blocked.add(target.id);
    store.blocks.set(blocker.id, blocked);
    // A Relationship entity, trimmed to what clients read.
    return {
      id: target.id,
      following: false,
      followed_by: false,
      blocking: true,
      blocked_by: false,
      muting: false,
      requested: false,
    };
  });

  app.get<{ Params: { id: string } }>('/api/v1/accounts/:id', async (request, reply) => {
    const account = store.account(request.params.id);
    return account === undefined ? fail(reply, 404, 'Record not found') : accountJson(base(), account, store);
  });

  app.get<{
    Params: { id: string };
    Querystring: { limit?: string; max_id?: string; since_id?: string; min_id?: string };
  }>('/api/v1/accounts/:id/statuses', async (request, reply) => {
    if (authenticate(context, request, reply, 'optional') === undefined) {
      return reply;
    }
    const account = store.account(request.params.id);
    if (account === undefined) {
      return fail(reply, 404, 'Record not found');
    }
    const { max_id: maxId, since_id: sinceId, min_id: minId } = request.query;
    const limit = Math.min(Math.max(Number(request.query.limit ?? 20) || 20, 1), 40);
    const newestFirst = store
      .statusesOf(account.id)
      .filter((status) => status.visibility === 'public' || status.visibility === 'unlisted')
      .filter((status) => maxId === undefined || BigInt(status.id) < BigInt(maxId))
      .filter((status) => sinceId === undefined || BigInt(status.id) > BigInt(sinceId))
      .filter((status) => minId === undefined || BigInt(status.id) > BigInt(minId))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    // min_id pages forward from the given id: the oldest ones above it.
    const page = minId === undefined ? newestFirst.slice(0, limit) : newestFirst.slice(-limit);
    const first = page[0];
    const last = page.at(-1);
    if (first !== undefined && last !== undefined) {
      const path = `${base()}/api/v1/accounts/${account.id}/statuses`;
      void reply.header(
        'link',
        `<${path}?limit=${limit}&max_id=${last.id}>; rel="next", <${path}?limit=${limit}&min_id=${first.id}>; rel="prev"`,
      );
    }
    return page.map((status) => statusJson(base(), status, store));
  });
}
