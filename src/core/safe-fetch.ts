/**
 * The SSRF guard: every server-side fetch of a URL a user gave (a Mastodon instance, a webhook, a
 * feed) goes through `createSafeFetch`. It answers like `fetch`, but
 * - only http and https;
 * - the host name is resolved once per hop and EVERY address is checked: loopback, private, link-local,
 *   unique-local, CGNAT, "this network", multicast, reserved and documentation ranges, and their
 *   IPv4-mapped, NAT64 and 6to4 IPv6 forms are refused unless the operator allowed private networks;
 * - the connection is made to the addresses that were checked (a pinned `lookup` on node:http), so a
 *   DNS answer that changes between the check and the connection (rebinding) is never used;
 * - redirects are followed by hand, each hop checked again, at most `maxRedirects`; credentials
 *   (Authorization, Cookie) are dropped when a redirect leaves the origin.
 * Errors name the host, never the full URL (it may carry a token in its query).
 *
 * Like undici's fetch, a failure before the connection was made (DNS, refused, connect timeout) is a
 * `TypeError('fetch failed')` whose cause has a code; `failedBeforeSending()` tells callers that the
 * request cannot have reached the server, which decides between "retry" and "outcome unknown".
 */
import { promises as dns, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface SafeFetchOptions {
  /** Let requests reach loopback and private networks (HEARTH_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  /** The whole exchange: redirects and reading the body included. Default 30 s. */
  timeoutMs?: number;
  /** Making the connection (TCP and TLS). Default 10 s, as undici. */
  connectTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Name resolution, all addresses; defaults to dns.lookup (tests give their own). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
  /**
   * Which addresses are refused when private networks are not allowed; defaults to
   * `isBlockedAddress`. Tests narrow it to play a "public" host on loopback.
   */
  isBlocked?: (address: string) => boolean;
}

/** The request was refused before anything was sent to the host it names. */
export class UnsafeRequestError extends Error {
  constructor(
    message: string,
    readonly host: string,
  ) {
    super(message);
    this.name = 'UnsafeRequestError';
  }
}

/** The host resolves to an address that private-network protection forbids. */
export class BlockedAddressError extends UnsafeRequestError {
  constructor(
    host: string,
    readonly address: string,
  ) {
    super(
      `Refused to connect to ${host} (${address}): loopback and private network addresses are not allowed ` +
        '(the operator can allow them with HEARTH_ALLOW_PRIVATE_NETWORKS=true)',
      host,
    );
    this.name = 'BlockedAddressError';
  }
}

const IPV4_BLOCKED: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const IPV6_BLOCKED: ReadonlyArray<readonly [string, number]> = [
  ['::', 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const blockList = buildBlockList();

function buildBlockList(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of IPV4_BLOCKED) {
    // BlockList applies IPv4 rules to IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) itself.
    list.addSubnet(network, prefix, 'ipv4');
    // The same IPv4 ranges embedded in NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses.
    const [high, low] = ipv4Hextets(network);
    list.addSubnet(`64:ff9b::${high}:${low}`, 96 + prefix, 'ipv6');
    list.addSubnet(`2002:${high}:${low}::`, 16 + prefix, 'ipv6');
  }
  for (const [network, prefix] of IPV6_BLOCKED) {
    list.addSubnet(network, prefix, 'ipv6');
  }
  return list;
}

function ipv4Hextets(address: string): [string, string] {
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** Whether an IP address (v4 or v6, no brackets) is one that private-network protection refuses. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) {
    return true;
  }
  return blockList.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const NOT_SENT_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * True when a fetch failure proves the request never reached the server: refused by this guard, or
 * failed while resolving or connecting. A timeout or a reset after connecting is NOT such a proof.
 */
export function failedBeforeSending(error: unknown): boolean {
  if (error instanceof UnsafeRequestError) {
    return true;
  }
  if (!(error instanceof TypeError) || !(error.cause instanceof Error)) {
    return false;
  }
  const code = (error.cause as NodeJS.ErrnoException).code;
  return code !== undefined && NOT_SENT_CODES.has(code);
}

/** A fetch that refuses private destinations unless allowed (see the file's opening comment). */
export function createSafeFetch(options: SafeFetchOptions): typeof fetch {
  const settings: Settings = {
    isBlocked: options.allowPrivateNetworks ? () => false : (options.isBlocked ?? isBlockedAddress),
    timeoutMs: options.timeoutMs ?? 30_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    maxRedirects: options.maxRedirects ?? 5,
    resolve: options.resolve ?? ((hostname) => dns.lookup(hostname, { all: true, verbatim: true })),
  };
  return async (input, init) => {
    // Checked before `new Request`, whose errors would quote the whole URL, secrets included.
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : input);
    } catch {
      throw new TypeError('fetch failed: not a valid URL');
    }
    if (url.username !== '' || url.password !== '') {
      throw new UnsafeRequestError(`URLs with credentials in them are refused (host ${url.host})`, url.host);
    }
    return safeFetch(settings, new Request(input, init));
  };
}

type Settings = Required<Omit<SafeFetchOptions, 'allowPrivateNetworks'>>;

interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: Uint8Array | null;
  /** The checked addresses: the connection goes to them and nowhere else. */
  addresses: LookupAddress[];
  signal: AbortSignal;
  connectTimeoutMs: number;
}

async function safeFetch(settings: Settings, request: Request): Promise<Response> {
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(settings.timeoutMs)]);
  const hop: Omit<Hop, 'addresses'> = {
    url: new URL(request.url),
    method: request.method,
    headers: new Headers(request.headers),
    body: request.body === null ? null : new Uint8Array(await request.arrayBuffer()),
    signal,
    connectTimeoutMs: settings.connectTimeoutMs,
  };
  for (let redirects = 0; ; redirects += 1) {
    const addresses = await checkDestination(settings, hop.url, signal);
    const response = await exchange({ ...hop, addresses });
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null || request.redirect === 'manual') {
      return withUrl(response, hop.url, redirects > 0);
    }
    await response.body?.cancel();
    if (request.redirect === 'error') {
      throw new TypeError('fetch failed', { cause: new Error(`${hop.url.host} answered with a redirect`) });
    }
    if (redirects >= settings.maxRedirects) {
      throw new UnsafeRequestError(
        `Too many redirects (more than ${settings.maxRedirects}) from ${hop.url.host}`,
        hop.url.host,
      );
    }
    followRedirect(hop, response.status, new URL(location, hop.url));
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Rewrites the hop for the next request, as the fetch standard says. */
function followRedirect(hop: Omit<Hop, 'addresses'>, status: number, next: URL): void {
  if (next.origin !== hop.url.origin) {
    for (const name of ['authorization', 'cookie', 'proxy-authorization']) {
      hop.headers.delete(name);
    }
  }
  if (
    (status === 303 && hop.method !== 'HEAD') ||
    ((status === 301 || status === 302) && hop.method === 'POST')
  ) {
    hop.method = 'GET';
    hop.body = null;
    for (const name of [
      'content-type',
      'content-length',
      'content-encoding',
      'content-language',
      'content-location',
    ]) {
      hop.headers.delete(name);
    }
  }
  hop.url = next;
}

async function checkDestination(settings: Settings, url: URL, signal: AbortSignal): Promise<LookupAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeRequestError(
      `Only http and https can be fetched, not ${url.protocol} (host ${url.host})`,
      url.host,
    );
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(host);
  const addresses = family !== 0 ? [{ address: host, family }] : await resolveHost(settings, host, signal);
  const blocked = addresses.find((entry) => settings.isBlocked(entry.address));
  if (blocked !== undefined) {
    throw new BlockedAddressError(host, blocked.address);
  }
  return addresses;
}

async function resolveHost(settings: Settings, host: string, signal: AbortSignal): Promise<LookupAddress[]> {
  signal.throwIfAborted();
  let addresses: LookupAddress[];
  try {
    addresses = await abortable(settings.resolve(host), signal);
  } catch (error) {
    if (signal.aborted) {
      throw abortReason(signal);
    }
    throw new TypeError('fetch failed', { cause: error });
  }
  if (addresses.length === 0) {
    throw new TypeError('fetch failed', { cause: errorWithCode(`${host} has no address`, 'ENOTFOUND') });
  }
  return addresses;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Connections go to the addresses that were checked, whatever the resolver would say now. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0];
    if (options.all === true || first === undefined) {
      callback(null, addresses);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

/** One request and its response head, over node:http(s) with the pinned lookup. */
function exchange(hop: Hop): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    if (hop.signal.aborted) {
      reject(abortReason(hop.signal));
      return;
    }
    const transport = hop.url.protocol === 'https:' ? https : http;
    const request = transport.request(hop.url, {
      method: hop.method,
      headers: outgoingHeaders(hop),
      agent: false,
      lookup: pinnedLookup(hop.addresses),
    });
    let incoming: http.IncomingMessage | undefined;
    const connectTimer = setTimeout(() => {
      request.destroy(errorWithCode(`Connecting to ${hop.url.host} timed out`, 'UND_ERR_CONNECT_TIMEOUT'));
    }, hop.connectTimeoutMs);
    const onAbort = (): void => {
      clearTimeout(connectTimer);
      incoming?.destroy(abortReason(hop.signal));
      request.destroy();
      reject(abortReason(hop.signal));
    };
    hop.signal.addEventListener('abort', onAbort, { once: true });
    request.once('socket', (socket) => {
      socket.once(hop.url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
        clearTimeout(connectTimer),
      );
    });
    request.on('error', (error) => {
      clearTimeout(connectTimer);
      hop.signal.removeEventListener('abort', onAbort);
      reject(hop.signal.aborted ? abortReason(hop.signal) : new TypeError('fetch failed', { cause: error }));
    });
    request.once('response', (response) => {
      clearTimeout(connectTimer);
      incoming = response;
      response.once('close', () => hop.signal.removeEventListener('abort', onAbort));
      try {
        resolve(toResponse(response, hop.method));
      } catch (error) {
        response.destroy();
        reject(new TypeError('fetch failed', { cause: error }));
      }
    });
    request.end(hop.body ?? undefined);
  });
}

function outgoingHeaders(hop: Hop): Record<string, string> {
  const headers = Object.fromEntries(hop.headers);
  headers['accept'] ??= '*/*';
  headers['user-agent'] ??= 'Hearth';
  if (hop.body !== null) {
    headers['content-length'] = String(hop.body.byteLength);
  }
  return headers;
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function toResponse(incoming: http.IncomingMessage, method: string): Response {
  const status = incoming.statusCode ?? 0;
  if (status < 200 || status > 599) {
    throw new Error(`Unexpected HTTP status ${status}`);
  }
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    headers.append(raw[index] ?? '', raw[index + 1] ?? '');
  }
  if (method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
    incoming.resume();
    return new Response(null, { status, statusText: incoming.statusMessage ?? '', headers });
  }
  const body = Readable.toWeb(
    decoded(incoming, headers.get('content-encoding')),
  ) as ReadableStream<Uint8Array>;
  return new Response(body, { status, statusText: incoming.statusMessage ?? '', headers });
}

/** Undoes a content encoding the server chose (Hearth asks for none unless the caller did). */
function decoded(incoming: http.IncomingMessage, encoding: string | null): Readable {
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (decoder === null) {
    return incoming;
  }
  incoming.on('error', (error) => decoder.destroy(error));
  return incoming.pipe(decoder);
}

function withUrl(response: Response, url: URL, redirected: boolean): Response {
  Object.defineProperty(response, 'url', { value: url.href });
  Object.defineProperty(response, 'redirected', { value: redirected });
  return response;
}

/** What fetch rejects with when its signal fires: the signal's reason (TimeoutError, AbortError). */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

function errorWithCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}
