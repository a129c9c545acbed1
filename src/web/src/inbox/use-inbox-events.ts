/**
 * The inbox's live stream (server-sent events): each `change` names the conversations that changed,
 * in any process, and their queries are read again. Returns whether the stream is connected; while
 * it is not (a server without the stream, a lost connection), the queries poll instead.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { inboxEventsUrl } from './inbox.api';
import { inboxKeys } from './inbox.keys';
import { changedConversationIds } from './inbox-events';

export function useInboxEvents(workspaceId: string): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      return undefined;
    }
    const source = new EventSource(inboxEventsUrl(workspaceId), { withCredentials: true });
    const refresh = (ids: readonly string[]): void => {
      void client.invalidateQueries({ queryKey: inboxKeys.lists(workspaceId) });
      for (const id of ids) {
        void client.invalidateQueries({ queryKey: inboxKeys.conversation(workspaceId, id) });
      }
    };
    const onOpen = (): void => {
      setLive(true);
      // What changed while the stream was down is not sent again: read the lists now.
      refresh([]);
    };
    const onChange = (event: MessageEvent<string>): void => refresh(changedConversationIds(event.data));
    const onError = (): void => setLive(false);
    source.addEventListener('open', onOpen);
    source.addEventListener('change', onChange);
    source.addEventListener('error', onError);
    return () => {
      source.close();
      setLive(false);
    };
  }, [client, workspaceId]);

  return live;
}
