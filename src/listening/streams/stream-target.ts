/**
 * The SSRF guard for the event stream, which is a websocket and cannot go through `safe-fetch`: the
 * host is resolved once, every address is checked like safe-fetch checks them, and the websocket is
 * pinned to those addresses (no second DNS answer is ever used). Whether private addresses are
 * allowed is the operator's choice, known to the guarded fetch: a blocked address is asked about by
 * a guarded request to it, which is refused exactly when the operator did not allow it.
 */
import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { BlockedAddressError, isBlockedAddress, UnsafeRequestError } from '../../core/safe-fetch.js';

export interface StreamTarget {
  /** ws(s)://host[:port] */
  wsUrl: string;
  /** http(s)://host[:port], for the XRPC calls to the same service. */
  httpUrl: string;
  lookup: LookupFunction;
}

export class StreamTargetError extends Error {
  override name = 'StreamTargetError';
}

export async function checkStreamTarget(fetcher: typeof fetch, service: string): Promise<StreamTarget> {
  const url = new URL(service);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  const origin = `${url.hostname.includes(':') && !url.hostname.startsWith('[') ? `[${url.hostname}]` : url.hostname}${url.port ? `:${url.port}` : ''}`;
  const wsUrl = `${secure ? 'wss' : 'ws'}://${origin}`;
  const httpUrl = `${secure ? 'https' : 'http'}://${origin}`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    throw new StreamTargetError(`${url.host} could not be resolved`);
  }
  if (addresses.length === 0) {
    throw new StreamTargetError(`${url.host} could not be resolved`);
  }
  const blocked = addresses.find((entry) => isBlockedAddress(entry.address));
  if (blocked) {
    const literal = blocked.family === 6 ? `[${blocked.address}]` : blocked.address;
    try {
      const probe = await fetcher(
        `${secure ? 'https' : 'http'}://${literal}${url.port ? `:${url.port}` : ''}/xrpc/_health`,
        {
          signal: AbortSignal.timeout(5_000),
        },
      );
      await probe.body?.cancel();
    } catch (error) {
      if (error instanceof UnsafeRequestError) {
        throw new StreamTargetError(new BlockedAddressError(url.host, blocked.address).message);
      }
      // Allowed, only unreachable now: the websocket says so in its own words.
    }
  }
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) {
      callback(null, addresses);
      return;
    }
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  };
  return { wsUrl, httpUrl, lookup };
}
