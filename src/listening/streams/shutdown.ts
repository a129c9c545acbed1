/**
 * Streams end early when the process is asked to stop: the queue's stop() waits for in-flight jobs,
 * and a stream window would otherwise hold `hearth serve` or `hearth worker` for the rest of it.
 * Listens only where the process already handles the signals (serve, worker, demo), so a process
 * without handlers keeps Node's default of exiting at once.
 */
export function shutdownSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const names = (['SIGTERM', 'SIGINT'] as const).filter((name) => process.listenerCount(name) > 0);
  const stop = (): void => controller.abort(new Error('the process is stopping'));
  for (const name of names) {
    process.once(name, stop);
  }
  return {
    signal: controller.signal,
    dispose: () => names.forEach((name) => process.removeListener(name, stop)),
  };
}
