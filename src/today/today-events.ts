/**
 * Live Today for server-sent events. What puts an item on the list or takes it off changes in any
 * process (a worker stores a mention, another server approves a post) and with time alone (a
 * service level falls due), so each server process recomputes the list of the workspaces someone is
 * watching every few seconds and tells the watchers when its fingerprint changes — the same pattern
 * as the inbox's stream (inbox/inbox-events.ts).
 */
export type TodayListener = (fingerprint: string) => void;

export interface TodayEvents {
  subscribe(workspaceId: string, listener: TodayListener): () => void;
  /** Checks now instead of waiting for the next tick (tests). */
  poll(): Promise<void>;
  close(): void;
}

interface Watched {
  listeners: Set<TodayListener>;
  /** The first, silent computation: it learns the fingerprint without reporting it. */
  ready: Promise<void>;
  fingerprint: string | null;
}

export function createTodayEvents(
  fingerprintOf: (workspaceId: string) => Promise<string>,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): TodayEvents {
  const watched = new Map<string, Watched>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  const onError = options.onError ?? (() => undefined);

  async function check(workspaceId: string, state: Watched, silent: boolean): Promise<void> {
    const fingerprint = await fingerprintOf(workspaceId);
    const changed = state.fingerprint !== null && state.fingerprint !== fingerprint;
    state.fingerprint = fingerprint;
    if (changed && !silent) {
      for (const listener of state.listeners) {
        listener(fingerprint);
      }
    }
  }

  async function pollAll(): Promise<void> {
    for (const [workspaceId, state] of watched) {
      await state.ready;
      await check(workspaceId, state, false).catch(onError);
    }
  }

  const poll = (): Promise<void> => {
    // One poll at a time: a slow database does not pile them up.
    polling ??= pollAll().finally(() => {
      polling = undefined;
    });
    return polling;
  };

  return {
    subscribe(workspaceId, listener) {
      let state = watched.get(workspaceId);
      if (!state) {
        const fresh: Watched = { listeners: new Set(), ready: Promise.resolve(), fingerprint: null };
        fresh.ready = check(workspaceId, fresh, true).catch(onError);
        state = fresh;
        watched.set(workspaceId, state);
      }
      state.listeners.add(listener);
      timer ??= setInterval(() => {
        void poll().catch(onError);
      }, options.intervalMs ?? 2_000);
      timer.unref();
      const current = state;
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size === 0 && watched.get(workspaceId) === current) {
          watched.delete(workspaceId);
        }
        if (watched.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    poll,
    close() {
      if (timer) {
        clearInterval(timer);
        timer = undefined;
      }
      watched.clear();
    },
  };
}
