import type { ReactNode } from 'react';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { HouseStyle } from './house-style.api';
import { useHouseStyleQuery } from './house-style.queries';

/** Loads the workspace's house style, then renders `children` with it (an error or a placeholder meanwhile). */
export function HouseStyleLoader({ children }: { children: (style: HouseStyle) => ReactNode }) {
  const workspace = useCurrentWorkspace();
  const style = useHouseStyleQuery(workspace.id);
  if (style.isError) {
    return <QueryError error={style.error} />;
  }
  if (style.data === undefined) {
    return <TableSkeleton rows={4} />;
  }
  return children(style.data);
}
