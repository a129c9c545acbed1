import type { ZodType } from 'zod';
import type { Logger } from '../core/logger.js';

/** How a failed job is tried again: `limit` retries after the first attempt, waiting longer each time. */
export interface RetryPolicy {
  /** Retries after the first attempt (0: a failure is final). */
  limit: number;
  /** Whole seconds before the first retry; retry n waits backoffSeconds * 2^(n-1). */
  backoffSeconds: number;
}

/** What `perform` gets besides its payload. */
export interface TaskContext {
  jobId: string;
  /** 1 for the first run, 2 for the first retry, and so on. */
  attempt: number;
  /** Already bound to the task name, job id and attempt. */
  logger: Logger;
  /** Aborted when the lease runs out or the queue stops before the job finished: stop early then. */
  signal: AbortSignal;
}

/** A kind of background work: a name, a payload schema, how to retry it, and what it does. */
export interface TaskDefinition<P> {
  readonly name: string;
  readonly schema: ZodType<P>;
  readonly retry: RetryPolicy;
  /** How long one attempt may take before it is considered lost (crashed process) and retried. */
  readonly leaseSeconds: number;
  // A method (not a property) so that any TaskDefinition<P> is usable as a TaskDefinition<unknown>.
  perform(payload: P, ctx: TaskContext): Promise<void>;
}

export type AnyTask = TaskDefinition<unknown>;

export interface TaskSpec<P> {
  name: string;
  schema: ZodType<P>;
  retry?: Partial<RetryPolicy>;
  leaseSeconds?: number;
  perform(payload: P, ctx: TaskContext): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 3, backoffSeconds: 10 };
export const DEFAULT_LEASE_SECONDS = 300;
// pg-boss refuses expirations of 24 hours or more; the same bound holds on both backends.
const MAX_LEASE_SECONDS = 24 * 60 * 60 - 1;
const TASK_NAME = /^[a-z][a-z0-9]*([._-][a-z0-9]+)*$/;

/** Declares a background task; the queue backends only ever see these definitions. */
export function defineTask<P>(spec: TaskSpec<P>): TaskDefinition<P> {
  if (!TASK_NAME.test(spec.name)) {
    throw new Error(`Task name "${spec.name}" must be lower case words joined by ".", "-" or "_"`);
  }
  const retry = { ...DEFAULT_RETRY, ...spec.retry };
  // Whole seconds: pg-boss stores retry delays as integers.
  assertInteger(`${spec.name}: retry.limit`, retry.limit, 0, 100);
  assertInteger(`${spec.name}: retry.backoffSeconds`, retry.backoffSeconds, 0, MAX_LEASE_SECONDS);
  const leaseSeconds = spec.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  assertInteger(`${spec.name}: leaseSeconds`, leaseSeconds, 1, MAX_LEASE_SECONDS);
  return {
    name: spec.name,
    schema: spec.schema,
    retry,
    leaseSeconds,
    perform: (payload, ctx) => spec.perform(payload, ctx),
  };
}

function assertInteger(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${what} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

/** Delay before the retry that follows failed attempt number `attempt` (1-based). */
export function backoffMs(policy: Pick<RetryPolicy, 'backoffSeconds'>, attempt: number): number {
  return policy.backoffSeconds * 1000 * 2 ** Math.max(0, attempt - 1);
}

/** A payload that does not match its task's schema; `issues` name the fields. */
export class InvalidJobPayloadError extends Error {
  constructor(
    readonly task: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `Invalid payload for task "${task}": ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'InvalidJobPayloadError';
  }
}

/** Validates (and strips unknown keys from) a payload; throws InvalidJobPayloadError. */
export function parsePayload<P>(task: TaskDefinition<P>, payload: unknown): P {
  const result = task.schema.safeParse(payload);
  if (!result.success) {
    throw new InvalidJobPayloadError(
      task.name,
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

/** Payloads are stored as JSON text: refuse one that JSON cannot hold. */
export function payloadToJson(task: string, payload: unknown): string {
  const json = JSON.stringify(payload) as string | undefined;
  if (json === undefined) {
    throw new InvalidJobPayloadError(task, [{ path: '', message: 'a payload must be a JSON value' }]);
  }
  return json;
}

/** Reads a stored payload; text that is not JSON is returned as is, for the schema check to refuse. */
export function payloadFromJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}
