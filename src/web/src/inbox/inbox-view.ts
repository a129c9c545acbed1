/**
 * The inbox's state in the URL (shareable, kept on reload): the view (a status or spam), who it is
 * assigned to, network, search, sort, and the open conversation (`c`).
 */
import type { ConversationFilter } from './inbox.api';
import { CONVERSATION_STATUSES, type ConversationStatus } from './inbox.api';

export const VIEWS = [...CONVERSATION_STATUSES, 'spam'] as const;
export type InboxView = (typeof VIEWS)[number];

export const ASSIGNEE_FILTERS = ['everyone', 'me', 'none'] as const;
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];

export const SORTS = ['priority', 'newest'] as const;
export type InboxSort = (typeof SORTS)[number];

export interface InboxState {
  view: InboxView;
  assignee: AssigneeFilter;
  network: string;
  search: string;
  sort: InboxSort;
  /** The open conversation. */
  conversation: string | null;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

export function inboxStateOf(params: URLSearchParams): InboxState {
  return {
    view: oneOf(VIEWS, params.get('view'), 'open'),
    assignee: oneOf(ASSIGNEE_FILTERS, params.get('assignee'), 'everyone'),
    network: params.get('network') ?? '',
    search: params.get('q') ?? '',
    sort: oneOf(SORTS, params.get('sort'), 'priority'),
    conversation: params.get('c') || null,
  };
}

/** The URL of a state; defaults are left out so a plain /inbox is the open view by priority. */
export function searchOfInboxState(state: InboxState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== 'open') {
    params.set('view', state.view);
  }
  if (state.assignee !== 'everyone') {
    params.set('assignee', state.assignee);
  }
  if (state.network !== '') {
    params.set('network', state.network);
  }
  if (state.search.trim() !== '') {
    params.set('q', state.search.trim());
  }
  if (state.sort !== 'priority') {
    params.set('sort', state.sort);
  }
  if (state.conversation !== null) {
    params.set('c', state.conversation);
  }
  return params;
}

/** The API filter of a state: the spam view shows spam of any status; the others hide spam. */
export function filterOf(state: InboxState): ConversationFilter {
  const status: ConversationStatus | undefined = state.view === 'spam' ? undefined : state.view;
  return {
    ...(status === undefined ? { spam: true } : { status, spam: false }),
    ...(state.assignee === 'everyone' ? {} : { assignee: state.assignee }),
    ...(state.network === '' ? {} : { network: state.network }),
    ...(state.search.trim() === '' ? {} : { search: state.search.trim() }),
    sort: state.sort,
  };
}
