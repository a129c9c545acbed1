import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BlockedAddressError,
  createSafeFetch,
  failedBeforeSending,
  isBlockedAddress,
  UnsafeRequestError,
} from './safe-fetch.js';

interface Hit {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Peer {
  port: number;
  hits: Hit[];
}

const servers: http.Server[] = [];

/** A real HTTP server on a loopback address; `reply` answers each request. */
async function peer(
  host: string,
  reply: (request: Hit, response: http.ServerResponse) => void,
  port = 0,
): Promise<Peer> {
  const hits: Hit[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const hit = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      hits.push(hit);
      reply(hit, response);
    });
  });
  servers.push(server);
  server.listen(port, host);
  await once(server, 'listening');
  return { port: (server.address() as AddressInfo).port, hits };
}

const json = (
  response: http.ServerResponse,
  status: number,
  value: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
};

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'febf::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:101::1',
    '2002:7f00:1::',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '172.15.255.255',
    '100.128.0.1',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('createSafeFetch, private networks refused', () => {
  const safeFetch = createSafeFetch({ allowPrivateNetworks: false });

  it.each([
    '127.0.0.1',
    'localhost',
    '[::1]',
    '[::ffff:127.0.0.1]',
    '0x7f.1',
    '2130706433',
    '[::ffff:7f00:1]',
  ])('refuses http://%s and sends nothing', async (host) => {
    const server = await peer(host === '[::1]' ? '::1' : '127.0.0.1', (_hit, response) =>
      json(response, 200, {}),
    );
    await expect(safeFetch(`http://${host}:${server.port}/`)).rejects.toBeInstanceOf(BlockedAddressError);
    expect(server.hits).toEqual([]);
  });

  it('refuses a public-looking name that resolves to a private address, naming the host only', async () => {
    const guarded = createSafeFetch({
      allowPrivateNetworks: false,
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ],
    });
    const error = await guarded('https://news.example/feed.xml?token=s3cret').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({ host: 'news.example', address: '10.0.0.5' });
    expect(String((error as Error).message)).not.toContain('s3cret');
    expect(failedBeforeSending(error)).toBe(true);
  });

  it('refuses other schemes and URLs with credentials, without quoting them', async () => {
    await expect(safeFetch('file:///etc/passwd')).rejects.toBeInstanceOf(UnsafeRequestError);
    await expect(safeFetch('ftp://files.example/x')).rejects.toBeInstanceOf(UnsafeRequestError);
    const error = await safeFetch('https://user:hunter2@mastodon.example/api').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UnsafeRequestError);
    expect((error as Error).message).toContain('mastodon.example');
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('createSafeFetch, private networks allowed', () => {
  const safeFetch = createSafeFetch({ allowPrivateNetworks: true });

  it('fetches from loopback, IPv4 and IPv6, with method, headers and body', async () => {
    for (const host of ['127.0.0.1', '::1']) {
      const server = await peer(host, (hit, response) =>
        json(response, 201, { echo: hit.body }, { 'x-seen': hit.headers['x-test'] ?? '' }),
      );
      const url =
        host === '::1'
          ? `http://[::1]:${server.port}/things?q=1`
          : `http://127.0.0.1:${server.port}/things?q=1`;
      const response = await safeFetch(url, {
        method: 'POST',
        headers: { 'x-test': 'yes', 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-seen')).toBe('yes');
      expect(await response.json()).toEqual({ echo: '{"a":1}' });
      expect(response.url).toBe(url);
      expect(server.hits[0]).toMatchObject({ method: 'POST', url: '/things?q=1' });
    }
  });

  it('sends multipart form data as fetch would', async () => {
    const server = await peer('127.0.0.1', (_hit, response) => json(response, 200, {}));
    const form = new FormData();
    form.append('description', 'A red kite');
    form.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'kite.png');
    await safeFetch(`http://127.0.0.1:${server.port}/upload`, { method: 'POST', body: form });
    expect(server.hits[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.hits[0]?.body).toContain('A red kite');
  });

  it('connects to the address that was checked, even when the name resolves elsewhere later (rebinding)', async () => {
    const first = await peer('127.0.0.1', (_hit, response) => json(response, 200, { server: 'checked' }));
    const second = await peer(
      '127.0.0.2',
      (_hit, response) => json(response, 200, { server: 'rebound' }),
      first.port,
    );
    let lookups = 0;
    const pinned = createSafeFetch({
      allowPrivateNetworks: true,
      resolve: async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }],
    });
    const response = await pinned(`http://rebind.example:${first.port}/`);
    expect(await response.json()).toEqual({ server: 'checked' });
    expect(lookups).toBe(1);
    expect(second.hits).toEqual([]);
    expect(first.hits[0]?.headers.host).toBe(`rebind.example:${first.port}`);
  });

  it('reports a refused connection as failed before sending, and a hang as a timeout that may have been sent', async () => {
    const closed = await peer('127.0.0.1', () => undefined);
    servers.pop()?.close();
    const refused = await safeFetch(`http://127.0.0.1:${closed.port}/`).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(TypeError);
    expect(failedBeforeSending(refused)).toBe(true);

    const hanging = await peer('127.0.0.1', () => undefined);
    const quick = createSafeFetch({ allowPrivateNetworks: true, timeoutMs: 150 });
    const timedOut = await quick(`http://127.0.0.1:${hanging.port}/`, { method: 'POST', body: 'x' }).catch(
      (caught: unknown) => caught,
    );
    expect(timedOut).toMatchObject({ name: 'TimeoutError' });
    expect(failedBeforeSending(timedOut)).toBe(false);
    expect(hanging.hits).toHaveLength(1);
  });

  it('honours the caller’s abort signal', async () => {
    const hanging = await peer('127.0.0.1', () => undefined);
    const controller = new AbortController();
    const pending = safeFetch(`http://127.0.0.1:${hanging.port}/`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createSafeFetch redirects', () => {
  // 127.0.0.1 plays a public host and 127.0.0.2 a private one.
  const onlyFirstLoopback = (address: string): boolean => address !== '127.0.0.1';
  const guarded = (maxRedirects?: number): typeof fetch =>
    createSafeFetch({
      allowPrivateNetworks: false,
      isBlocked: onlyFirstLoopback,
      ...(maxRedirects === undefined ? {} : { maxRedirects }),
    });

  it('checks every hop: a redirect to a private address is refused before anything is sent there', async () => {
    const inside = await peer('127.0.0.2', (_hit, response) => json(response, 200, { secret: true }));
    const outside = await peer('127.0.0.1', (_hit, response) =>
      response.writeHead(302, { location: `http://127.0.0.2:${inside.port}/admin` }).end(),
    );
    const error = await guarded()(`http://127.0.0.1:${outside.port}/`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({ host: '127.0.0.2' });
    expect(inside.hits).toEqual([]);
  });

  it('refuses a redirect to another scheme', async () => {
    const outside = await peer('127.0.0.1', (_hit, response) =>
      response.writeHead(301, { location: 'file:///etc/passwd' }).end(),
    );
    await expect(guarded()(`http://127.0.0.1:${outside.port}/`)).rejects.toBeInstanceOf(UnsafeRequestError);
  });

  it('follows allowed redirects up to the limit, rewriting POST after 303 and keeping it after 307', async () => {
    const target = await peer('127.0.0.1', (hit, response) => {
      if (hit.url === '/see-other') {
        response.writeHead(303, { location: '/done' }).end();
      } else if (hit.url === '/temporary') {
        response.writeHead(307, { location: '/done' }).end();
      } else {
        json(response, 200, { method: hit.method, body: hit.body });
      }
    });
    const base = `http://127.0.0.1:${target.port}`;
    const afterSeeOther = await guarded()(`${base}/see-other`, { method: 'POST', body: 'payload' });
    expect(await afterSeeOther.json()).toEqual({ method: 'GET', body: '' });
    expect(afterSeeOther.redirected).toBe(true);
    expect(afterSeeOther.url).toBe(`${base}/done`);
    const afterTemporary = await guarded()(`${base}/temporary`, { method: 'POST', body: 'payload' });
    expect(await afterTemporary.json()).toEqual({ method: 'POST', body: 'payload' });

    const loop = await peer('127.0.0.1', (_hit, response) =>
      response.writeHead(302, { location: '/again' }).end(),
    );
    await expect(guarded(2)(`http://127.0.0.1:${loop.port}/`)).rejects.toThrow(/Too many redirects/);
    expect(loop.hits).toHaveLength(3);
  });

  it('drops credentials when a redirect leaves the origin, and returns the redirect itself in manual mode', async () => {
    const other = await peer('127.0.0.1', (hit, response) =>
      json(response, 200, { authorization: hit.headers.authorization ?? null }),
    );
    const origin = await peer('127.0.0.1', (_hit, response) =>
      response.writeHead(302, { location: `http://127.0.0.1:${other.port}/` }).end(),
    );
    const followed = await guarded()(`http://127.0.0.1:${origin.port}/`, {
      headers: { authorization: 'Bearer token' },
    });
    expect(await followed.json()).toEqual({ authorization: null });
    const manual = await guarded()(`http://127.0.0.1:${origin.port}/`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe(`http://127.0.0.1:${other.port}/`);
    expect(other.hits).toHaveLength(1);
  });
});
