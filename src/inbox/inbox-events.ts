/**
 * Live inbox updates for server-sent events. Conversations change in any process (a worker stores a
 * mention, another server sends a reply), so each server process watches the database rather than
 * its own calls: once a second, for the workspaces someone is watching, it reads the conversations
 * changed lately and tells the watchers which ones look different. The fingerprint (update time,
 * messages, status, assignee, tags, spam) catches changes even when two land in the same instant.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type InboxListener = (conversationIds: string[]) => void;

export interface InboxEvents {
  subscribe(workspaceId: string, listener: InboxListener): () => void;
  /** Checks now instead of waiting for the next tick (tests, and right after a local change). */
  poll(): Promise<void>;
  close(): void;
}

/** Changes are looked for this far behind the newest seen: clocks of several processes differ a little. */
const SLACK_MS = 5_000;

interface Watched {
  listeners: Set<InboxListener>;
  /** The first, silent read: it learns what is there without reporting it. */
  ready: Promise<void>;
  watermark: string;
  fingerprints: Map<string, { at: string; print: string }>;
}

export function createInboxEvents(
  db: Kysely<Database>,
  options: { intervalMs?: number; now?: () => Date } = {},
): InboxEvents {
  const now = options.now ?? (() => new Date());
  const watched = new Map<string, Watched>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;

  async function pollWorkspace(workspaceId: string, state: Watched, silent = false): Promise<void> {
    const rows = await db
      .selectFrom('conversations')
      .select(['id', 'updated_at', 'message_count', 'status', 'assignee_id', 'tags', 'spam'])
      .where('workspace_id', '=', workspaceId)
      .where('updated_at', '>=', state.watermark)
      .execute();
    const changed: string[] = [];
    let newest = state.watermark;
    for (const row of rows) {
      const print = [
        row.updated_at,
        row.message_count,
        row.status,
        row.assignee_id ?? '',
        row.tags,
        row.spam,
      ].join('|');
      if (state.fingerprints.get(row.id)?.print !== print) {
        changed.push(row.id);
        state.fingerprints.set(row.id, { at: row.updated_at, print });
      }
      newest = row.updated_at > newest ? row.updated_at : newest;
    }
    const watermark = new Date(Date.parse(newest) - SLACK_MS).toISOString();
    if (watermark > state.watermark) {
      state.watermark = watermark;
      for (const [id, seen] of state.fingerprints) {
        if (seen.at < watermark) {
          state.fingerprints.delete(id);
        }
      }
    }
    if (changed.length > 0 && !silent) {
      for (const listener of state.listeners) {
        listener(changed);
      }
    }
  }

  async function pollAll(): Promise<void> {
    for (const [workspaceId, state] of watched) {
      await state.ready;
      await pollWorkspace(workspaceId, state);
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
        // Start from now: what changed before the page loaded, the page loaded.
        const fresh: Watched = {
          listeners: new Set(),
          ready: Promise.resolve(),
          watermark: new Date(now().getTime() - SLACK_MS).toISOString(),
          fingerprints: new Map(),
        };
        fresh.ready = pollWorkspace(workspaceId, fresh, true).catch(() => undefined);
        state = fresh;
        watched.set(workspaceId, state);
      }
      state.listeners.add(listener);
      timer ??= setInterval(() => {
        void poll().catch(() => undefined);
      }, options.intervalMs ?? 1_000);
      timer.unref();
      return () => {
        state.listeners.delete(listener);
        if (state.listeners.size === 0) {
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
