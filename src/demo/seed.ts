/**
 * Fills Hearth for the demo, through the same services the API uses: the owner, the workspace with
 * its named things and house style, the brand's Bluesky account connected from the local network,
 * drafts and one post scheduled a few minutes ahead.
 *
 * Idempotent across restarts. The local network is new at every start (new DIDs), so the brand's
 * account connects as a new account; the previous one is retired: the posts still waiting on it
 * move to the new one (scheduled ones are scheduled again), then it is removed. What the previous
 * runs published stays, as history.
 */
import type { Hearth } from '../container.js';
import { isoNow } from '../core/clock.js';
import { AppError, conflict } from '../core/errors.js';
import { newSecret } from '../core/ids.js';
import { hashPassword } from '../core/passwords.js';
import type { Post } from '../publishing/posts.presenter.js';
import { PRE_SCHEDULING } from '../publishing/post-status.js';
import {
  connectAccount,
  listAccounts,
  removeAccount,
  type ConnectedAccount,
} from '../publishing/accounts.service.js';
import { createDraft, deletePost, listPosts, updateDraft } from '../publishing/posts.service.js';
import { schedulePost } from '../publishing/workflow.service.js';
import { createUser, findUserByEmail, type User } from '../workspaces/accounts.service.js';
import { addDictionaryWords, createFact, setVoiceProfile } from '../workspaces/house-style.service.js';
import { usersRepo } from '../workspaces/users.repo.js';
import {
  createWorkspace,
  listWorkspacesOf,
  requireMembership,
  type Workspace,
  type WorkspaceAccess,
} from '../workspaces/workspaces.service.js';
import {
  BRAND_HANDLE,
  BRAND_PERSONA,
  COMMUNITY,
  DEMO_DICTIONARY,
  DEMO_DRAFTS,
  DEMO_EMAIL,
  DEMO_FACTS,
  DEMO_OWNER_NAME,
  DEMO_SCHEDULED,
  DEMO_VOICE,
  DEMO_WORKSPACE,
  SCHEDULE_AHEAD_MS,
} from './content.js';
import type { DemoNetwork, NetworkAccount } from './demo-network.js';
import { DEMO_KEYWORDS, ensureDemoListening } from './listening.js';

export interface DemoSeed {
  email: string;
  /** Set now (first run, or `newPassword`) and shown once; null when the existing one is kept. */
  password: string | null;
  workspace: Workspace;
  /** Whether the workspace was created by this run. */
  created: boolean;
  brand: NetworkAccount & { accountId: string };
  community: NetworkAccount[];
  /** The post waiting to go out a few minutes from now, if the guardrails let it. */
  scheduled: Post | null;
  /** What this run did to the previous runs' state, in sentences. */
  notes: string[];
  /** The Bluesky listening source reading the local network (its keywords); null if it could not be added. */
  listening: { sourceId: string; keywords: string[] } | null;
}

/**
 * Refuses a database that holds a real installation: the demo adds a user and a workspace, which
 * belong in a data folder of their own.
 */
export async function assertDemoDatabase(hearth: Hearth): Promise<void> {
  const db = hearth.db.kysely;
  if (!(await findUserByEmail(db, DEMO_EMAIL)) && (await usersRepo(db).count()) > 0) {
    throw conflict(
      `This Hearth database already has users and no ${DEMO_EMAIL}: the demo keeps to a data folder of its own. ` +
        'Give another --data folder (and no DATABASE_URL), or run `hearth serve` for this one.',
    );
  }
}

export async function seedDemo(
  hearth: Hearth,
  network: DemoNetwork,
  options: { newPassword?: boolean } = {},
): Promise<DemoSeed> {
  await assertDemoDatabase(hearth);
  const { user, password } = await ensureOwner(hearth, options.newPassword === true);
  const { workspace, access, created } = await ensureWorkspace(hearth, user);

  const brandAccount = await network.createAccount(BRAND_PERSONA);
  const community = await Promise.all(
    COMMUNITY.map(async (persona): Promise<NetworkAccount> => {
      const account = await network.createAccount(persona);
      if (persona.post) {
        await network.post(account, persona.post.text, persona.post.lang);
      }
      return account;
    }),
  );
  const connected = await connectAccount(hearth.publishing, access, 'bluesky', {
    handle: brandAccount.handle,
    appPassword: brandAccount.appPassword,
    service: network.pdsUrl,
  });
  const notes = await retireStaleAccounts(hearth, access, connected);
  const listening = await ensureDemoListening(hearth, access, network).catch((error: unknown) => {
    if (!(error instanceof AppError)) {
      throw error;
    }
    notes.push(`Listening to the local network could not be set up: ${error.message}`);
    return null;
  });
  if (created) {
    for (const draft of DEMO_DRAFTS) {
      await createDraft(hearth.publishing, access, {
        text: draft.text,
        language: draft.language,
        accountIds: [connected.id],
      });
    }
  }
  const scheduled = await ensureScheduledPost(hearth, access, connected.id, notes);
  return {
    email: user.email,
    password,
    workspace,
    created,
    brand: { ...brandAccount, accountId: connected.id },
    community,
    scheduled,
    notes,
    listening: listening && { sourceId: listening.id, keywords: DEMO_KEYWORDS },
  };
}

async function ensureOwner(
  hearth: Hearth,
  newPassword: boolean,
): Promise<{ user: User; password: string | null }> {
  const db = hearth.db.kysely;
  const existing = await findUserByEmail(db, DEMO_EMAIL);
  const password = existing && !newPassword ? null : newSecret(18);
  if (!existing) {
    return {
      user: await createUser(db, hearth.clock, { email: DEMO_EMAIL, name: DEMO_OWNER_NAME, password }),
      password,
    };
  }
  if (password !== null) {
    await usersRepo(db).updatePassword(existing.id, await hashPassword(password));
  }
  return { user: existing, password };
}

async function ensureWorkspace(
  hearth: Hearth,
  user: User,
): Promise<{ workspace: Workspace; access: WorkspaceAccess; created: boolean }> {
  const db = hearth.db.kysely;
  const found = (await listWorkspacesOf(db, user.id)).find((w) => w.name === DEMO_WORKSPACE.name);
  if (found) {
    return { workspace: found, access: await requireMembership(db, user.id, found.id), created: false };
  }
  const workspace = await createWorkspace(db, hearth.clock, {
    ownerUserId: user.id,
    settings: DEMO_WORKSPACE,
  });
  const access = await requireMembership(db, user.id, workspace.id);
  // The house style is written once: what the user changes afterwards is theirs.
  await setVoiceProfile(db, hearth.clock, access, DEMO_VOICE);
  await addDictionaryWords(db, hearth.clock, access, DEMO_DICTIONARY);
  for (const fact of DEMO_FACTS) {
    await createFact(db, hearth.clock, access, fact);
  }
  return { workspace, access, created: true };
}

const OPEN_TARGET = new Set(['pending', 'scheduled']);

/** Moves what waits on the previous runs' brand accounts to the new one, then removes them. */
async function retireStaleAccounts(
  hearth: Hearth,
  access: WorkspaceAccess,
  current: ConnectedAccount,
): Promise<string[]> {
  const p = hearth.publishing;
  const stale = (await listAccounts(p, access)).filter(
    (a) => a.network === 'bluesky' && a.handle === BRAND_HANDLE && a.id !== current.id,
  );
  if (stale.length === 0) {
    return [];
  }
  const staleIds = new Set(stale.map((a) => a.id));
  const swap = (id: string): string => (staleIds.has(id) ? current.id : id);
  let moved = 0;
  let rescheduled = 0;
  const unscheduled: string[] = [];
  const unmoved: string[] = [];
  for (const post of await listPosts(p, access, {})) {
    const open = post.targets.filter((t) => OPEN_TARGET.has(t.status));
    const editable = PRE_SCHEDULING.includes(post.status) || post.status === 'scheduled';
    if (!editable || !open.some((t) => staleIds.has(t.accountId))) {
      continue;
    }
    const variants = Object.fromEntries(
      open.flatMap((t) => (t.textOverride === null ? [] : [[swap(t.accountId), t.textOverride] as const])),
    );
    try {
      await updateDraft(p, access, post.id, {
        version: post.version,
        accountIds: [...new Set(open.map((t) => swap(t.accountId)))],
        variants,
      });
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
      unmoved.push(`${post.id} (${error.message})`);
      continue;
    }
    moved += 1;
    if (post.status === 'scheduled' && post.publishAt !== null) {
      const at = Math.max(Date.parse(post.publishAt), hearth.clock.now().getTime() + SCHEDULE_AHEAD_MS);
      try {
        await schedulePost(p, access, post.id, { publishAt: new Date(at).toISOString() });
        rescheduled += 1;
      } catch (error) {
        if (!(error instanceof AppError)) {
          throw error;
        }
        unscheduled.push(`${post.id} (${error.message})`);
      }
    }
  }
  let removed = 0;
  const kept: string[] = [];
  for (const account of stale) {
    try {
      await removeAccount(p, access, account.id);
      removed += 1;
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
      kept.push(`${account.id} (${error.message})`);
    }
  }
  return [
    `The previous demo network is gone (its accounts lived in memory): ${BRAND_HANDLE} was created again and connected as a new account; ` +
      `${removed} old account${removed === 1 ? '' : 's'} removed, ${moved} waiting post${moved === 1 ? '' : 's'} moved to the new one` +
      (rescheduled > 0 ? `, ${rescheduled} scheduled again` : '') +
      '. Posts published by earlier runs stay in the history.',
    ...unscheduled.map((what) => `Left as a draft, not scheduled again: post ${what}.`),
    ...unmoved.map((what) => `Left on the old account: post ${what}.`),
    ...kept.map((what) => `Kept an old account: ${what}.`),
  ];
}

/** Makes sure one post of the brand goes out a few minutes from now, so that publishing can be watched. */
async function ensureScheduledPost(
  hearth: Hearth,
  access: WorkspaceAccess,
  accountId: string,
  notes: string[],
): Promise<Post | null> {
  const p = hearth.publishing;
  const now = hearth.clock.now().getTime();
  const upcoming = (await listPosts(p, access, { statuses: ['scheduled'], from: isoNow(hearth.clock) })).find(
    (post) => post.targets.some((t) => t.accountId === accountId && t.status === 'scheduled'),
  );
  if (upcoming) {
    return upcoming;
  }
  const written = new Set((await listPosts(p, access, {})).map((post) => post.text));
  const choice =
    DEMO_SCHEDULED.find((s) => !written.has(s.text)) ??
    DEMO_SCHEDULED[Math.floor(now / 60_000) % DEMO_SCHEDULED.length]!;
  const publishAt = new Date(now + SCHEDULE_AHEAD_MS).toISOString();
  const draft = await createDraft(p, access, {
    text: choice.text,
    language: choice.language,
    accountIds: [accountId],
    publishAt,
  });
  try {
    return await schedulePost(p, access, draft.id, {});
  } catch (error) {
    if (!(error instanceof AppError)) {
      throw error;
    }
    await deletePost(p, access, draft.id);
    notes.push(`No post was scheduled: ${error.message}`);
    return null;
  }
}
