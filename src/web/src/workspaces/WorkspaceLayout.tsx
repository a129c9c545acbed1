import { useEffect } from 'react';
import { Outlet, useParams } from 'react-router';
import { hasStatus } from '../api/errors';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { AppLayout } from '../layout/AppLayout';
import { rememberWorkspace } from '../session/last-workspace';
import { useCurrentSession } from '../session/session-context';
import { WorkspaceNotFound } from './WorkspaceNotFound';
import { WorkspaceContext } from './workspace-context';
import { useWorkspaceQuery } from './workspaces.queries';

/** The `/w/:workspaceId` pages: loads the workspace, remembers it, and frames its pages. */
export function WorkspaceLayout() {
  const { workspaceId = '' } = useParams();
  const session = useCurrentSession();
  const workspace = useWorkspaceQuery(workspaceId);
  const loadedId = workspace.data?.id;

  useEffect(() => {
    if (loadedId !== undefined) {
      rememberWorkspace(session.user.id, loadedId);
    }
  }, [session.user.id, loadedId]);

  let content;
  if (workspace.isError && hasStatus(workspace.error, 403, 404)) {
    content = <WorkspaceNotFound />;
  } else if (workspace.data !== undefined) {
    content = (
      <WorkspaceContext value={workspace.data}>
        <Outlet />
      </WorkspaceContext>
    );
  } else if (workspace.isError) {
    content = <QueryError error={workspace.error} />;
  } else {
    content = <PageLoader />;
  }

  const known = session.workspaces.some((candidate) => candidate.id === workspaceId);
  return <AppLayout workspaceId={known ? workspaceId : undefined}>{content}</AppLayout>;
}
