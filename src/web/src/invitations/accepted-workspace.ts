import type { AcceptedInvitation } from '../api/types';

/**
 * Where to go after accepting: the joined workspace. The answer names it when the server sends
 * `workspaceId`; otherwise it is the workspace of the session with the invitation's name.
 */
export function acceptedWorkspacePath(session: AcceptedInvitation, workspaceName: string): string {
  const id =
    session.workspaceId ?? session.workspaces.find((workspace) => workspace.name === workspaceName)?.id;
  return id === undefined ? '/' : `/w/${id}/today`;
}
