/**
 * Fault injection for the fake Mastodon: the next N matching requests answer with a given status
 * (503, 429 with rate-limit headers…) or never answer at all — either before doing anything, or after
 * doing the work (the status exists, the answer is lost: the "unknown outcome" a client must settle).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** `before`: nothing is done; `after`: the request is processed and its answer never sent. */
  | { kind: 'hang'; when: 'before' | 'after' };

export interface FaultMatch {
  /** How many matching requests get the fault (default 1). */
  times?: number;
  method?: string;
  /** Matched against the path without the query string. */
  path?: string | RegExp;
}

interface Rule {
  fault: Fault;
  remaining: number;
  match: FaultMatch;
}

export class FaultInjector {
  private readonly rules: Rule[] = [];
  private readonly hangAfter = new WeakSet<FastifyRequest>();

  inject(fault: Fault, match: FaultMatch = {}): void {
    this.rules.push({ fault, remaining: match.times ?? 1, match });
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** Installs the hooks that apply the faults; call before the routes are registered. */
  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (request, reply) => {
      const fault = this.take(request.method, request.url.split('?')[0] ?? '');
      if (fault === undefined) {
        return;
      }
      if (fault.kind === 'status') {
        await reply
          .code(fault.status)
          .headers(fault.headers ?? {})
          .send(fault.body ?? { error: fault.status === 429 ? 'Too many requests' : 'Service unavailable' });
        return;
      }
      if (fault.when === 'before') {
        await never();
      }
      this.hangAfter.add(request);
    });
    app.addHook('onSend', async (request, _reply, payload) => {
      if (this.hangAfter.has(request)) {
        await never();
      }
      return payload;
    });
  }

  private take(method: string, path: string): Fault | undefined {
    const rule = this.rules.find(
      ({ match, remaining }) =>
        remaining > 0 &&
        (match.method === undefined || match.method === method) &&
        (match.path === undefined ||
          (typeof match.path === 'string' ? match.path === path : match.path.test(path))),
    );
    if (rule === undefined) {
      return undefined;
    }
    rule.remaining -= 1;
    return rule.fault;
  }
}

/** A request that never gets its answer; the server's close() drops the connection. */
const never = (): Promise<never> => new Promise<never>(() => undefined);
