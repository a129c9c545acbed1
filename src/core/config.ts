import { resolve, join } from 'node:path';
import { parseSecretKey, loadOrCreateKeyFile } from './secret-box.js';

/** Everything Hearth reads from flags and the environment, resolved once at start. */
export interface HearthConfig {
  dataDir: string;
  /** `sqlite:<path>` for the embedded default, or a postgres:// URL. */
  database: DatabaseTarget;
  host: string;
  port: number;
  logLevel: string;
  /** Whether cookies are marked Secure (set when served behind HTTPS). */
  secureCookies: boolean;
  /** Public origin used in links (invitations); defaults to the listening address. */
  publicUrl: string | undefined;
  secretKeySource: { kind: 'env'; value: string } | { kind: 'file'; path: string };
  /**
   * Whether server-side fetches of user-given URLs (Mastodon instances, webhooks, feeds) may reach
   * loopback and private addresses. Off by default: on, a user can make the server call its own LAN.
   */
  allowPrivateNetworks: boolean;
  /**
   * HEARTH_SMTP_URL (smtp://user:pass@host:port or smtps://…): where alert e-mails go out. Unset: the
   * e-mail channel is reported unavailable.
   */
  smtpUrl: string | undefined;
  /** HEARTH_MAIL_FROM: the sender of those e-mails. */
  mailFrom: string | undefined;
}

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface ConfigFlags {
  data?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
  /** `--allow-private-networks`; overrides HEARTH_ALLOW_PRIVATE_NETWORKS when given. */
  allowPrivateNetworks?: boolean | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): HearthConfig {
  const dataDir = resolve(flags.data ?? env.HEARTH_DATA_DIR ?? '.hearth');
  const port = Number(flags.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`Invalid port "${String(flags.port ?? env.PORT)}": use a number from 0 to 65535`);
  }
  return {
    dataDir,
    database: parseDatabaseUrl(env.DATABASE_URL, dataDir),
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.HEARTH_SECURE_COOKIES === 'true' || (env.HEARTH_PUBLIC_URL ?? '').startsWith('https://'),
    publicUrl: env.HEARTH_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    secretKeySource: env.HEARTH_SECRET_KEY
      ? { kind: 'env', value: env.HEARTH_SECRET_KEY }
      : { kind: 'file', path: join(dataDir, 'secret.key') },
    allowPrivateNetworks: flags.allowPrivateNetworks ?? env.HEARTH_ALLOW_PRIVATE_NETWORKS === 'true',
    smtpUrl: parseSmtpUrl(env.HEARTH_SMTP_URL),
    mailFrom: env.HEARTH_MAIL_FROM?.trim() || undefined,
  };
}

/** The SMTP URL, checked; the message never repeats it (it holds a password). */
export function parseSmtpUrl(url: string | undefined): string | undefined {
  const value = url?.trim();
  if (!value) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError('HEARTH_SMTP_URL is not a URL: write smtp://user:password@host:port');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError('HEARTH_SMTP_URL must start with smtp:// or smtps://');
  }
  return value;
}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) {
    return { kind: 'sqlite', path: join(dataDir, 'hearth.db') };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { kind: 'postgres', url };
  }
  if (url.startsWith('sqlite:')) {
    return { kind: 'sqlite', path: resolve(url.slice('sqlite:'.length)) };
  }
  throw new ConfigError('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
}

export function loadSecretKey(config: HearthConfig): Buffer {
  const source = config.secretKeySource;
  return source.kind === 'env' ? parseSecretKey(source.value) : loadOrCreateKeyFile(source.path);
}
