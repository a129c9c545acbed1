import { Outlet } from 'react-router';

export function CommunityLayout() {
  return <Outlet />;
}
