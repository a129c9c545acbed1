import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { useSetupStatus } from '../session/session.queries';

/** Root of every route: while the instance has no owner yet, every URL shows the setup page. */
export function SetupGate() {
  const setup = useSetupStatus();
  const { pathname } = useLocation();

  if (setup.data === undefined) {
    return setup.isError ? (
      <Container size="sm" py="xl">
        <QueryError error={setup.error} />
      </Container>
    ) : (
      <PageLoader />
    );
  }
  const onSetupPage = pathname === '/setup';
  if (setup.data.needsSetup && !onSetupPage) {
    return <Navigate to="/setup" replace />;
  }
  if (!setup.data.needsSetup && onSetupPage) {
    return <Navigate to="/" replace />;
  }
  return <Outlet />;
}
