import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { ApiError, NETWORK_ERROR } from './errors';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records its calls and answers with the given responses, in order. */
function fakeFetch(...responses: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
    const next = responses.shift();
    if (next === undefined) {
      throw new Error('no response left');
    }
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { calls, fetch };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const headersOf = (call: Call | undefined): Record<string, string> =>
  (call?.init.headers ?? {}) as Record<string, string>;

describe('createApiClient', () => {
  it('sends JSON with the cookie and parses JSON answers', async () => {
    const { calls, fetch } = fakeFetch(json(201, { id: 'w1' }));
    const client = createApiClient({ fetch });

    await expect(client.post('/workspaces', { name: 'Acme' })).resolves.toEqual({ id: 'w1' });

    expect(calls[0]?.url).toBe('/api/v1/workspaces');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.body).toBe('{"name":"Acme"}');
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
  });

  it('adds the CSRF token to non-GET requests once known, never to GET', async () => {
    const { calls, fetch } = fakeFetch(
      json(200, {}),
      json(200, {}),
      json(200, {}),
      new Response(null, { status: 204 }),
    );
    const client = createApiClient({ fetch });

    await client.post('/session', { email: 'a@example.com', password: 'x' });
    client.setCsrfToken('csrf-1');
    await client.get('/session');
    await client.patch('/workspaces/w1', { name: 'B' });
    await client.delete('/session');

    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[1])['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[2])['x-csrf-token']).toBe('csrf-1');
    expect(headersOf(calls[3])['x-csrf-token']).toBe('csrf-1');
  });

  it('sends no content type and no body without a payload, and reads 204 as undefined', async () => {
    const { calls, fetch } = fakeFetch(new Response(null, { status: 204 }));
    const client = createApiClient({ fetch });

    await expect(client.delete('/workspaces/w1/tokens/t1')).resolves.toBeUndefined();
    expect(calls[0]?.init.method).toBe('DELETE');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(headersOf(calls[0])['content-type']).toBeUndefined();
  });

  it('forgets the CSRF token when told to', async () => {
    const { calls, fetch } = fakeFetch(json(200, {}));
    const client = createApiClient({ fetch });
    client.setCsrfToken('csrf-1');
    client.setCsrfToken(null);
    await client.post('/session', {});
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
  });

  it('rejects with the server error for a 4xx answer', async () => {
    const { fetch } = fakeFetch(
      json(429, { error: { code: 'rate_limited', message: 'Too many attempts, wait a minute' } }),
    );
    const client = createApiClient({ fetch });

    const error: unknown = await client.post('/session', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Too many attempts, wait a minute',
    });
  });

  it('rejects with a stand-in error for an answer that is not JSON', async () => {
    const { fetch } = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    const client = createApiClient({ fetch });
    await expect(client.get('/setup')).rejects.toMatchObject({ status: 502, fromServer: false });
  });

  it('rejects with a network error when the request cannot be sent', async () => {
    const { fetch } = fakeFetch(new TypeError('Failed to fetch'));
    const client = createApiClient({ fetch });
    await expect(client.get('/setup')).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });
});
