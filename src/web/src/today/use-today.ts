/**
 * Today's list, kept live: the server's stream (server-sent events) says when the list changed and
 * it is read again; while the stream is down it is read every 10 s. It is also read every minute,
 * so "overdue by 42 min" keeps counting.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { WORKSPACES_KEY } from '../app/query-keys';
import { getToday, todayEventsUrl } from './today.api';

export const todayKey = (workspaceId: string) => [WORKSPACES_KEY, workspaceId, 'today'] as const;

const FALLBACK_REFRESH_MS = 10_000;
const MINUTE_REFRESH_MS = 60_000;

/** Whether the live stream is connected; each change it announces reads the list again. */
export function useTodayEvents(workspaceId: string): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      return undefined;
    }
    const source = new EventSource(todayEventsUrl(workspaceId), { withCredentials: true });
    const refresh = (): void => {
      void client.invalidateQueries({ queryKey: todayKey(workspaceId) });
    };
    const onOpen = (): void => {
      setLive(true);
      // What changed while the stream was down is not announced again: read the list now.
      refresh();
    };
    const onError = (): void => setLive(false);
    source.addEventListener('open', onOpen);
    source.addEventListener('change', refresh);
    source.addEventListener('error', onError);
    return () => {
      source.close();
      setLive(false);
    };
  }, [client, workspaceId]);
  return live;
}

export const useToday = (workspaceId: string, live: boolean) =>
  useQuery({
    queryKey: todayKey(workspaceId),
    queryFn: () => getToday(workspaceId),
    refetchInterval: live ? MINUTE_REFRESH_MS : FALLBACK_REFRESH_MS,
  });
