/** The audit log as an infinite query: each page continues before the last entry of the previous one. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../app/query-keys';
import { listAuditEntries } from './audit.api';

export const useAuditLog = (workspaceId: string) =>
  useInfiniteQuery({
    queryKey: queryKeys.audit(workspaceId),
    queryFn: ({ pageParam }) => listAuditEntries(workspaceId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
  });
