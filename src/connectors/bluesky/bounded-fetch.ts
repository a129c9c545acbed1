/** The host's fetch with the connection's per-request time limit (AbortSignal.timeout). */

export function boundedFetch(fetchFn: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    return fetchFn(input, { ...init, signal });
  };
}
