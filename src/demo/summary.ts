/** What `hearth demo` prints once everything runs: where to sign in, and the local network's accounts. */
import type { DemoNetwork } from './demo-network.js';
import type { DemoSeed } from './seed.js';

export function formatDemoSummary(
  seed: DemoSeed,
  where: { url: string; network: DemoNetwork; dataDir: string; chatterEverySeconds?: number },
): string {
  const { network } = where;
  const accounts = [
    { ...seed.brand, note: `connected to "${seed.workspace.name}"` },
    ...seed.community.map((account) => ({ ...account, note: 'community' })),
  ];
  const width = Math.max(...accounts.map((a) => a.handle.length));
  const lines = [
    '',
    `Hearth is running at ${where.url}/ (demo, data in ${where.dataDir})`,
    '',
    `  Sign in with   ${seed.email}`,
    seed.password === null
      ? '  Password      the one printed the first time (`hearth demo --new-password` makes a new one)'
      : `  Password      ${seed.password}   (shown once; \`hearth demo --new-password\` makes a new one)`,
    `  Workspace     ${seed.workspace.name}${seed.created ? ' (created now)' : ''}`,
    '',
    'A real local Bluesky network runs beside it (PLC and PDS from @atproto/dev-env; it lives in memory and is',
    'made anew at each start, so are its accounts):',
    `  PDS           ${network.pdsUrl}`,
    `  PLC           ${network.plcUrl}`,
    `  AppView       ${network.appViewUrl ?? 'not running (feeds, profiles and metrics need it: hearth demo --with-appview postgres://…)'}`,
    `  Accounts      ${'handle'.padEnd(width)}  ${'password'.padEnd(16)}  app password`,
    ...accounts.map(
      (a) =>
        `                ${a.handle.padEnd(width)}  ${a.password.padEnd(16)}  ${a.appPassword.padEnd(19)}  ${a.displayName}, ${a.note}`,
    ),
    '',
    seed.scheduled
      ? `Post ${seed.scheduled.id} goes out on ${seed.brand.handle} at ${seed.scheduled.publishAt ?? '?'}; watch it in Publish, or read it on the PDS:`
      : 'No post is scheduled (see below).',
    ...(seed.scheduled
      ? [
          `  curl "${network.pdsUrl}/xrpc/com.atproto.repo.listRecords?repo=${seed.brand.did}&collection=app.bsky.feed.post"`,
        ]
      : []),
    ...(seed.listening
      ? [
          `Listening reads the network's event stream live: posts mentioning ${seed.brand.handle} or saying`,
          `  ${seed.listening.keywords.map((k) => `"${k}"`).join(', ')} appear in Listen within seconds (source ${seed.listening.sourceId}).`,
        ]
      : []),
    ...(where.chatterEverySeconds
      ? [
          `The community talks back: every ${where.chatterEverySeconds} s one of its accounts writes to ${seed.brand.handle} (a question,`,
          '  a complaint, praise) and answers once you reply from the Inbox.',
        ]
      : []),
    ...seed.notes.map((note) => `Note: ${note}`),
    '',
    'Press Ctrl-C to stop the server and the network.',
    '',
  ];
  return lines.join('\n');
}
