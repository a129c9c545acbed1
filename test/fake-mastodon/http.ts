/**
 * What every route of the fake shares: Bearer-token authentication with Mastodon's 401, reading
 * parameters from JSON, form or multipart bodies the way Rails does, and Mastodon's error bodies.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FakeAccount, FakeStore } from './store.js';

export interface RouteContext {
  store: FakeStore;
  /** The server's origin, for the URLs inside entities. */
  base: () => string;
  now: () => Date;
}

/** Mastodon's error body: `{"error": "..."}`. */
export function fail(reply: FastifyReply, status: number, error: string): FastifyReply {
  return reply.code(status).send({ error });
}

/** The token's account, or a 401 sent (then undefined). Without a token, `optional` lets it pass. */
export function authenticate(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  mode: 'required' | 'optional' = 'required',
): FakeAccount | undefined | null {
  const header = request.headers.authorization;
  if (header === undefined && mode === 'optional') {
    return null;
  }
  const token = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  const account = token === undefined ? undefined : context.store.accountByToken(token);
  if (account === undefined) {
    void fail(reply, 401, 'The access token is invalid');
  }
  return account;
}

export type Params = Record<string, unknown>;

/** A body as parameters: JSON objects as they are, forms and multipart as name → value(s). */
export function paramsOf(body: unknown): Params {
  if (body instanceof FormData) {
    const params: Params = {};
    for (const name of new Set(body.keys())) {
      const values = body.getAll(name);
      params[name] = name.endsWith('[]') ? values : values[0];
    }
    return params;
  }
  return typeof body === 'object' && body !== null ? (body as Params) : {};
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** `media_ids: [...]` in JSON, `media_ids[]=…` in forms. */
export function listParam(params: Params, name: string): string[] {
  const value = params[name] ?? params[`${name}[]`];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .map(String);
}

/** Form and multipart bodies, parsed with the platform's own parsers. */
export function addBodyParsers(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const params: Record<string, string | string[]> = {};
      for (const [name, value] of new URLSearchParams(String(body))) {
        const existing = params[name];
        params[name] = name.endsWith('[]') ? [...(Array.isArray(existing) ? existing : []), value] : value;
      }
      done(null, params);
    },
  );
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer' },
    async (request: FastifyRequest, body: Buffer) => {
      const type = request.headers['content-type'] ?? '';
      return new Response(body, { headers: { 'content-type': type } }).formData();
    },
  );
}
