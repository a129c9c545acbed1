/**
 * The local Bluesky network (test/bluesky-network.ts) in a process of its own, for bench:publish:
 * in production the network is elsewhere, so Hearth and the PDS should not share one event loop.
 * The parent talks to it over the IPC channel of `fork` (see pds-process.ts).
 */
import { startBlueskyNetwork } from '../../test/bluesky-network.js';

export type NetworkRequest = { type: 'account'; id: number } | { type: 'close' };
export type NetworkReply =
  | { type: 'ready'; service: string }
  | { type: 'account'; id: number; handle: string; did: string; password: string; appPassword: string }
  | { type: 'error'; id: number; message: string };

const send = (reply: NetworkReply): void => {
  process.send?.(reply);
};

const network = await startBlueskyNetwork();
process.on('message', (request: NetworkRequest) => {
  if (request.type === 'close') {
    void network.close().finally(() => process.exit(0));
    return;
  }
  network.createAccount().then(
    ({ handle, did, password, appPassword }) => send({ type: 'account', id: request.id, handle, did, password, appPassword }),
    (error: unknown) => send({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
// The parent going away takes the network with it.
process.on('disconnect', () => {
  void network.close().finally(() => process.exit(0));
});
send({ type: 'ready', service: network.service });
