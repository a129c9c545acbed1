/** The workspace a user last opened in this browser, so `/` can take them back to it. */
import type { SessionWorkspace } from '../api/types';

const keyFor = (userId: string): string => `hearth.lastWorkspace.${userId}`;

export function rememberWorkspace(userId: string, workspaceId: string): void {
  try {
    localStorage.setItem(keyFor(userId), workspaceId);
  } catch {
    // Storage can be full or disabled; forgetting the last workspace is harmless.
  }
}

function recall(userId: string): string | null {
  try {
    return localStorage.getItem(keyFor(userId));
  } catch {
    return null;
  }
}

/** The workspace to open: the remembered one if the user still belongs to it, else the first. */
export function pickWorkspace(
  workspaces: readonly SessionWorkspace[],
  rememberedId: string | null,
): SessionWorkspace | undefined {
  return workspaces.find((workspace) => workspace.id === rememberedId) ?? workspaces[0];
}

export const lastWorkspaceFor = (userId: string, workspaces: readonly SessionWorkspace[]) =>
  pickWorkspace(workspaces, recall(userId));
