/** Each account's weekly queue slots ("add to queue" takes the next free one). */
import { isoNow } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { getAccount } from './accounts.service.js';
import type { PublishingDeps } from './publishing.deps.js';
import { minutesOf, timeOf } from './queue-slots.js';
import { slotsRepo } from './slots.repo.js';

export interface SlotOut {
  weekday: number;
  /** HH:MM, local to the workspace. */
  time: string;
}

type Deps = Pick<PublishingDeps, 'db' | 'clock'>;

export async function listSlots(deps: Deps, access: WorkspaceAccess, accountId: string): Promise<SlotOut[]> {
  await getAccount(deps, access, accountId);
  return (await slotsRepo(deps.db).listForAccounts([accountId])).map((s) => ({ weekday: s.weekday, time: timeOf(s.minutes) }));
}

export async function replaceSlots(deps: Deps, access: WorkspaceAccess, accountId: string, slots: readonly SlotOut[]): Promise<SlotOut[]> {
  authorize(access.role, 'accounts.manage');
  await getAccount(deps, access, accountId);
  const unique = new Map(slots.map((slot) => [`${slot.weekday}@${slot.time}`, { weekday: slot.weekday, minutes: minutesOf(slot.time) }]));
  await deps.db.transaction().execute((trx) =>
    slotsRepo(trx).replace(access.workspaceId, accountId, [...unique.values()], () => newId(deps.clock.now().getTime()), isoNow(deps.clock)),
  );
  return listSlots(deps, access, accountId);
}
