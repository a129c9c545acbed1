/** Starts network.ts as a child process and presents it as a BlueskyTestNetwork (no AppView). */
import { fork } from 'node:child_process';
import { AtpAgent } from '@atproto/api';
import type { BlueskyTestNetwork, TestAccount } from '../../test/bluesky-network.js';
import type { NetworkReply, NetworkRequest } from './network.js';

export async function startBlueskyNetworkProcess(): Promise<BlueskyTestNetwork> {
  const started = Date.now();
  const child = fork(new URL('./network.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve: (reply: NetworkReply) => void; reject: (error: Error) => void }>();
  const service = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the Bluesky network process exited with ${String(code)}`)));
    child.on('message', (reply: NetworkReply) => {
      if (reply.type === 'ready') {
        resolve(reply.service);
        return;
      }
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.type === 'error') {
        pending?.reject(new Error(reply.message));
      } else {
        pending?.resolve(reply);
      }
    });
  });
  let next = 0;
  const request = (message: NetworkRequest & { id: number }): Promise<NetworkReply> =>
    new Promise((resolve, reject) => {
      waiting.set(message.id, { resolve, reject });
      child.send(message);
    });
  return {
    service,
    appView: false,
    startMs: Date.now() - started,
    createAccount: async (): Promise<TestAccount> => {
      const reply = await request({ type: 'account', id: (next += 1) });
      if (reply.type !== 'account') {
        throw new Error('unexpected answer from the Bluesky network process');
      }
      const agent = new AtpAgent({ service });
      await agent.login({ identifier: reply.handle, password: reply.password });
      return { handle: reply.handle, did: reply.did, password: reply.password, appPassword: reply.appPassword, agent };
    },
    settle: () => Promise.resolve(),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.send({ type: 'close' } satisfies NetworkRequest);
      }),
  };
}
