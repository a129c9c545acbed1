/**
 * `hearth account connect bluesky|mastodon` and `hearth account list`: the network accounts a
 * workspace publishes with. Secrets (app password, access token) are read from standard input only,
 * never from a flag, where the shell history and other users' `ps` would see them.
 */
import type { Command } from 'commander';
import type { ZodType } from 'zod';
import {
  blueskyCredentialsSchema,
  DEFAULT_BLUESKY_SERVICE,
} from '../../connectors/bluesky/bluesky.credentials.js';
import { mastodonCredentialsSchema } from '../../connectors/mastodon/mastodon.credentials.js';
import type { NetworkId } from '../../connectors/types.js';
import { connectAccount, listAccounts, type ConnectedAccount } from '../../publishing/accounts.service.js';
import { actingMember, AS_HELP } from '../acting-member.js';
import { CliError } from '../cli-errors.js';
import { readStdin, withHearth } from '../context.js';

const DATA_HELP = 'data folder (env HEARTH_DATA_DIR, default ./.hearth)';
const PRIVATE_HELP =
  'let Hearth reach loopback and private addresses (a self-hosted Mastodon or PDS on your network; env HEARTH_ALLOW_PRIVATE_NETWORKS)';

interface CommonOptions {
  workspace: string;
  as?: string;
  json?: boolean;
  data?: string;
  allowPrivateNetworks?: boolean;
}

/** Reads one secret from standard input (a prompt on stderr when it is a terminal). */
export async function readSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(`${what}, then Enter and Ctrl-D: `);
  }
  const secret = (await readStdin()).trim();
  if (secret === '') {
    throw new CliError(`No ${what.toLowerCase()} on standard input`);
  }
  return secret;
}

/** Validates credentials with the connector's schema, naming the flags (not the fields) in errors. */
function parseCredentials<T>(schema: ZodType<T>, value: unknown, flags: Record<string, string>): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CliError(
      result.error.issues
        .map((issue) => `${flags[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`)
        .join('; '),
    );
  }
  return result.data;
}

function printAccount(account: ConnectedAccount, json: boolean | undefined, lead: string): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(account)}\n`);
  } else {
    process.stdout.write(
      `${lead} ${account.network} account ${account.handle} (id ${account.id}, health ${account.health}).\n`,
    );
  }
}

async function connect(network: NetworkId, credentials: unknown, options: CommonOptions): Promise<void> {
  await withHearth(options, async (hearth) => {
    const { access, workspace, user } = await actingMember(hearth.db.kysely, options.workspace, options.as);
    const before = new Set((await listAccounts(hearth.publishing, access)).map((a) => a.id));
    const account = await connectAccount(hearth.publishing, access, network, credentials);
    printAccount(
      account,
      options.json,
      `${before.has(account.id) ? 'Reconnected' : 'Connected'} to "${workspace.name}" as ${user.email}:`,
    );
  });
}

const withCommon = (command: Command): Command =>
  command
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print the connected account as one JSON object (the API’s ConnectedAccount)')
    .option('--allow-private-networks', PRIVATE_HELP)
    .option('-d, --data <dir>', DATA_HELP);

export function registerAccount(program: Command): void {
  const account = program
    .command('account')
    .description('Network accounts a workspace publishes with (Bluesky, Mastodon)');
  const connectCommand = account
    .command('connect')
    .description(
      'Connect a network account to a workspace (owner, admin, manager). The network checks the credentials first; Hearth stores them encrypted',
    );

  withCommon(
    connectCommand
      .command('bluesky')
      .description(
        'Connect a Bluesky account with an app password (Settings → Privacy and security → App passwords), read from stdin:\n' +
          '  echo "$APP_PASSWORD" | hearth account connect bluesky --workspace "Maison Lumière" --handle maisonlumiere.bsky.social --app-password-stdin',
      )
      .requiredOption('--handle <handle>', 'the account handle (name.bsky.social) or DID')
      .option(
        '--app-password-stdin',
        'read the app password (xxxx-xxxx-xxxx-xxxx) from standard input (required: never on the command line)',
      )
      .option('--service <url>', 'the account’s server (PDS)', DEFAULT_BLUESKY_SERVICE),
  ).action(
    async (options: CommonOptions & { handle: string; appPasswordStdin?: boolean; service: string }) => {
      if (!options.appPasswordStdin) {
        throw new CliError(
          'Give the app password on standard input with --app-password-stdin (never as a flag: the shell history would keep it)',
        );
      }
      const credentials = parseCredentials(
        blueskyCredentialsSchema,
        { handle: options.handle, appPassword: await readSecret('App password'), service: options.service },
        { handle: '--handle', appPassword: 'app password (stdin)', service: '--service' },
      );
      await connect('bluesky', credentials, options);
    },
  );

  withCommon(
    connectCommand
      .command('mastodon')
      .description(
        'Connect a Mastodon account with an access token (Preferences → Development → New application, scopes read and write), read from stdin:\n' +
          '  echo "$TOKEN" | hearth account connect mastodon --workspace "Maison Lumière" --instance mastodon.social --token-stdin',
      )
      .requiredOption('--instance <url>', 'the Mastodon server, e.g. https://mastodon.social')
      .option(
        '--token-stdin',
        'read the access token from standard input (required: never on the command line)',
      ),
  ).action(async (options: CommonOptions & { instance: string; tokenStdin?: boolean }) => {
    if (!options.tokenStdin) {
      throw new CliError(
        'Give the access token on standard input with --token-stdin (never as a flag: the shell history would keep it)',
      );
    }
    const credentials = parseCredentials(
      mastodonCredentialsSchema,
      { instanceUrl: options.instance, accessToken: await readSecret('Access token') },
      { instanceUrl: '--instance', accessToken: 'access token (stdin)' },
    );
    await connect('mastodon', credentials, options);
  });

  account
    .command('list')
    .description('List the workspace’s connected accounts (never their credentials)')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print one JSON array of the API’s ConnectedAccount objects')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (options: CommonOptions) => {
      await withHearth(options, async (hearth) => {
        const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
        const accounts = await listAccounts(hearth.publishing, access);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(accounts)}\n`);
          return;
        }
        if (accounts.length === 0) {
          process.stdout.write(
            'No connected account: connect one with `hearth account connect bluesky|mastodon`.\n',
          );
          return;
        }
        for (const a of accounts) {
          const health =
            a.health === 'failing' ? `failing: ${a.healthMessage ?? 'credentials refused'}` : a.health;
          process.stdout.write(
            `${a.id}  ${a.network.padEnd(8)}  ${a.handle}  ${health}${a.followers === null ? '' : `  ${a.followers} followers`}\n`,
          );
        }
      });
    });
}
