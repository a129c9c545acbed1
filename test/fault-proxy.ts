/**
 * A reverse HTTP proxy on loopback that sits between Hearth's connectors and a real peer (the local
 * Bluesky PDS, the fake Mastodon) and breaks chosen requests the way networks break:
 *
 * - `delay`: forward after a pause (with a short client timeout: a timeout before anything was sent);
 * - `status`: answer 5xx, 429 with Retry-After… without forwarding (the peer never sees it);
 * - `reset` / `hang` `before`: drop the connection (RST) or never answer, without forwarding;
 * - `reset` / `hang` `after`: forward, let the peer do the work, then drop the connection or never
 *   answer — the "outcome unknown" a client must settle without posting twice;
 * - `status-after`: forward, then answer a 5xx instead of the peer's answer (a gateway that failed
 *   after the backend had done the work).
 *
 *   const proxy = await startFaultProxy(pdsUrl);
 *   proxy.inject({ kind: 'reset', when: 'after' }, { path: '/xrpc/com.atproto.repo.createRecord' });
 *   …
 *   await proxy.close();
 *
 * Requests not matched by a fault pass through unchanged (hop-by-hop headers excepted).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxyFault =
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'status-after'; status: number; body?: unknown }
  | { kind: 'reset'; when: 'before' | 'after' }
  | { kind: 'hang'; when: 'before' | 'after' };

export interface ProxyFaultMatch {
  /** How many matching requests get the fault (default 1; Infinity: until `clear()`). */
  times?: number;
  /** Matching requests to let through untouched before the fault applies (default 0). */
  skip?: number;
  method?: string;
  /** Matched against the path without its query string. */
  path?: string | RegExp;
}

export interface ProxiedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The fault applied, if any. */
  fault: ProxyFault['kind'] | null;
  /** Whether the request reached the peer. */
  forwarded: boolean;
  /** The status the peer answered (when forwarded and answered). */
  peerStatus: number | null;
  at: Date;
}

export interface FaultProxy {
  /** The proxy's origin, e.g. http://127.0.0.1:40123: give it to Hearth instead of the peer's. */
  url: string;
  inject(fault: ProxyFault, match?: ProxyFaultMatch): void;
  /** Removes every fault not yet used up. */
  clear(): void;
  /** Every request received, oldest first. */
  requests(): ProxiedRequest[];
  close(): Promise<void>;
}

interface Rule {
  fault: ProxyFault;
  remaining: number;
  skip: number;
  match: ProxyFaultMatch;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

interface PeerAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const peer = new URL(target);
  const rules: Rule[] = [];
  const log: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const peerAgent = new http.Agent({ keepAlive: true });

  const take = (method: string, path: string): ProxyFault | undefined => {
    const rule = rules.find(
      ({ match, remaining }) =>
        remaining > 0 &&
        (match.method === undefined || match.method.toUpperCase() === method) &&
        (match.path === undefined || (typeof match.path === 'string' ? match.path === path : match.path.test(path))),
    );
    if (rule === undefined) {
      return undefined;
    }
    if (rule.skip > 0) {
      rule.skip -= 1;
      return undefined;
    }
    rule.remaining -= 1;
    return rule.fault;
  };

  const forward = (request: http.IncomingMessage, body: Buffer): Promise<PeerAnswer> =>
    new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) {
          headers[name] = value;
        }
      }
      headers.host = peer.host;
      headers['content-length'] = String(body.length);
      const outgoing = http.request(
        { host: peer.hostname, port: peer.port, method: request.method, path: request.url, headers, agent: peerAgent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const send = (response: http.ServerResponse, answer: PeerAnswer): void => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) {
        headers[name] = value;
      }
    }
    headers['content-length'] = String(answer.body.length);
    response.writeHead(answer.status, headers);
    response.end(answer.body);
  };

  const sendJson = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    response.end(text);
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const method = request.method ?? 'GET';
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const fault = take(method, path);
    const entry: ProxiedRequest = { method, path, fault: fault?.kind ?? null, forwarded: false, peerStatus: null, at: new Date() };
    log.push(entry);
    const relay = async (): Promise<PeerAnswer> => {
      entry.forwarded = true;
      const answer = await forward(request, body);
      entry.peerStatus = answer.status;
      return answer;
    };
    switch (fault?.kind) {
      case undefined:
        send(response, await relay());
        return;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        if (!request.socket.destroyed) {
          send(response, await relay());
        }
        return;
      case 'status':
        sendJson(response, fault.status, fault.body ?? { error: 'InternalServerError', message: `Injected ${fault.status}` }, fault.headers);
        return;
      case 'status-after':
        await relay();
        sendJson(response, fault.status, fault.body ?? { error: 'BadGateway', message: `Injected ${fault.status} after the peer answered` });
        return;
      case 'reset':
        if (fault.when === 'after') {
          await relay();
        }
        request.socket.resetAndDestroy();
        return;
      case 'hang':
        if (fault.when === 'after') {
          await relay();
        }
        // Never answered: the client's timeout ends it, or close() drops the connection.
        return;
    }
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !request.socket.destroyed) {
        sendJson(response, 502, { error: 'BadGateway', message: `fault proxy: ${error instanceof Error ? error.message : String(error)}` });
      } else {
        request.socket.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    inject: (fault, match = {}) => {
      rules.push({ fault, remaining: match.times ?? 1, skip: match.skip ?? 0, match });
    },
    clear: () => {
      rules.length = 0;
    },
    requests: () => [...log],
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      peerAgent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
