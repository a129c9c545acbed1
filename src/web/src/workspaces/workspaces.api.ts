/** Calls of the workspace endpoints. */
import { api, seg } from '../api/client';
import type { Workspace, WorkspaceInput, WorkspaceUpdate } from '../api/types';

export const createWorkspace = (input: WorkspaceInput): Promise<Workspace> =>
  api.post<Workspace>('/workspaces', input);

export const getWorkspace = (workspaceId: string): Promise<Workspace> =>
  api.get<Workspace>(`/workspaces/${seg(workspaceId)}`);

export const updateWorkspace = (workspaceId: string, input: WorkspaceUpdate): Promise<Workspace> =>
  api.patch<Workspace>(`/workspaces/${seg(workspaceId)}`, input);
