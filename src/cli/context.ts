import { loadConfig, type ConfigFlags } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { openHearth, type Hearth } from '../container.js';

export interface DataFlags {
  data?: string;
}

/**
 * Opens Hearth for a one-shot command, runs `body`, and always closes the database. Logs go to
 * stderr at warning level so that stdout carries only the command's result.
 */
export async function withHearth<T>(flags: ConfigFlags, body: (hearth: Hearth) => Promise<T>): Promise<T> {
  const config = loadConfig(flags);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: process.stderr });
  const hearth = await openHearth(config, logger);
  try {
    return await body(hearth);
  } finally {
    await hearth.close();
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}
