import { Outlet } from 'react-router';

export function ReportsLayout() {
  return <Outlet />;
}
