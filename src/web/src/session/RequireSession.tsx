import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { signInPath } from './redirect';
import { SessionContext } from './session-context';
import { useSessionQuery } from './session.queries';

/** Lets signed-in users through with their session; sends others to sign in, and back here after. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();

  if (session.data === undefined) {
    return session.isError ? (
      <Container size="sm" py="xl">
        <QueryError error={session.error} />
      </Container>
    ) : (
      <PageLoader />
    );
  }
  if (session.data === null) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  return (
    <SessionContext value={session.data}>
      <Outlet />
    </SessionContext>
  );
}
