/**
 * Checks a draft as it is typed: the request waits for a 400 ms pause, each request is its own
 * query (the request is the key), and a request overtaken by a newer one is aborted.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../app/query-keys';
import { checkText, type CheckRequest, type CheckResult } from './check.api';

export const CHECK_DEBOUNCE_MS = 400;

/** A result and the exact text it was computed on (its spans index that text). */
export interface CheckedDraft extends CheckResult {
  text: string;
}

export interface LiveCheck {
  /** The latest result, possibly for an earlier version of the text while a newer one is checked. */
  checked: CheckedDraft | undefined;
  /** True when `checked` is the result for the text as it stands. */
  isCurrent: boolean;
  isChecking: boolean;
  error: unknown;
}

export function useLiveCheck(workspaceId: string, request: CheckRequest): LiveCheck {
  const [debounced] = useDebouncedValue(request, CHECK_DEBOUNCE_MS);
  const enabled = debounced.text.trim() !== '';
  const query = useQuery({
    queryKey: queryKeys.check(workspaceId, debounced),
    queryFn: async ({ signal }): Promise<CheckedDraft> => ({
      ...(await checkText(debounced, signal)),
      text: debounced.text,
    }),
    enabled,
    placeholderData: keepPreviousData,
    // The same text with the same options gets the same answer: no refetch on focus or remount.
    staleTime: 60_000,
    gcTime: 60_000,
  });
  const checked = request.text.trim() === '' ? undefined : query.data;
  const settled = debounced === request || JSON.stringify(debounced) === JSON.stringify(request);
  return {
    checked,
    isCurrent: checked !== undefined && settled && !query.isPlaceholderData && checked.text === request.text,
    isChecking: enabled && (query.isFetching || !settled),
    error: query.error,
  };
}
