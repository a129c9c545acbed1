import { Navigate } from 'react-router';
import { AppLayout } from '../layout/AppLayout';
import { lastWorkspaceFor } from '../session/last-workspace';
import { useCurrentSession } from '../session/session-context';
import { FirstWorkspacePage } from './FirstWorkspacePage';

/** `/`: the last workspace used in this browser (or the first), or the invitation to create one. */
export function HomePage() {
  const session = useCurrentSession();
  const workspace = lastWorkspaceFor(session.user.id, session.workspaces);
  if (workspace !== undefined) {
    return <Navigate to={`/w/${workspace.id}/today`} replace />;
  }
  return (
    <AppLayout>
      <FirstWorkspacePage />
    </AppLayout>
  );
}
