/**
 * Server-sent event streams: one per open page, fed by a subscription, kept open by a comment every
 * 15 s, and ended when the server closes (streams never end by themselves, and closing would wait).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';

export interface EventStreams {
  /** Hijacks the reply and streams `event: change` with each payload `subscribe` hands over. */
  open<T>(reply: FastifyReply, subscribe: (send: (payload: T) => void) => () => void): void;
}

/** Streams of one plugin; `onClose` runs after they are ended at server close (stop the poller there). */
export function eventStreams(app: Pick<FastifyInstance, 'addHook'>, onClose: () => void): EventStreams {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', () => {
    for (const raw of open) {
      raw.end();
    }
    onClose();
  });
  return {
    open(reply, subscribe) {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n: connected\n\n');
      const unsubscribe = subscribe((payload) => {
        raw.write(`event: change\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), 15_000);
      heartbeat.unref();
      open.add(raw);
      // The response's close, not the request's: a request "closes" once its (empty) body is read.
      raw.on('close', () => {
        open.delete(raw);
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  };
}
