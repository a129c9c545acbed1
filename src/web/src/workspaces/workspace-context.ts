import { createContext, useContext } from 'react';
import type { Workspace } from '../api/types';

/** The workspace of the current `/w/:workspaceId` page, loaded by WorkspaceLayout. */
export const WorkspaceContext = createContext<Workspace | null>(null);

/** The current workspace; only usable below WorkspaceLayout. */
export function useCurrentWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null) {
    throw new Error('useCurrentWorkspace() used outside WorkspaceLayout');
  }
  return workspace;
}
