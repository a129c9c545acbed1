/**
 * The demo talks back: the community accounts of `hearth demo` mention the brand on the local
 * network from time to time (CHATTER), and answer once when the brand replies to them — found in
 * the brand's own repository, so it works without an AppView. Each step does one thing: answer a
 * reply if one is waiting, else say the next line. It runs until stopped; errors are reported to
 * `onError` and the next step tries again.
 */
import { CHATTER, type ChatterLine } from './chatter-texts.js';
import type { DemoNetwork, NetworkAccount, PostedRef } from './demo-network.js';

export interface Chatter {
  /** One step now (the timer calls it; tests too). */
  step(): Promise<'said' | 'answered' | 'idle'>;
  stop(): void;
}

export interface ChatterOptions {
  /** Between two steps; 0 never steps by itself. */
  intervalMs: number;
  lines?: readonly ChatterLine[];
  onError?: (error: unknown) => void;
}

interface Said {
  by: NetworkAccount;
  post: PostedRef;
  line: ChatterLine;
  answered: boolean;
}

export function startChatter(network: DemoNetwork, brand: NetworkAccount, community: readonly NetworkAccount[], options: ChatterOptions): Chatter {
  const lines = options.lines ?? CHATTER;
  const said: Said[] = [];
  let next = 0;
  let running: Promise<'said' | 'answered' | 'idle'> | undefined;

  async function answerOne(): Promise<boolean> {
    const waiting = said.filter((entry) => !entry.answered);
    if (waiting.length === 0) {
      return false;
    }
    const brandPosts = await network.listPosts(brand.did);
    for (const entry of waiting) {
      const reply = brandPosts.find((post) => post.reply?.parent.uri === entry.post.uri);
      if (reply) {
        entry.answered = true;
        await network.post(entry.by, entry.line.followUp, entry.line.lang, { parent: { uri: reply.uri, cid: reply.cid }, root: entry.post });
        return true;
      }
    }
    return false;
  }

  async function say(): Promise<boolean> {
    if (community.length === 0 || next >= lines.length) {
      return false;
    }
    const line = lines[next]!;
    const by = community[next % community.length]!;
    next += 1;
    said.push({ by, line, post: await network.post(by, line.text, line.lang), answered: false });
    return true;
  }

  const step = (): Promise<'said' | 'answered' | 'idle'> => {
    running ??= (async () => {
      try {
        if (await answerOne()) {
          return 'answered';
        }
        return (await say()) ? 'said' : 'idle';
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const timer =
    options.intervalMs > 0
      ? setInterval(() => {
          step().catch((error: unknown) => options.onError?.(error));
        }, options.intervalMs)
      : undefined;
  timer?.unref();
  return {
    step,
    stop: () => {
      if (timer) {
        clearInterval(timer);
      }
    },
  };
}
