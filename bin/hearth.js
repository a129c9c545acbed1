#!/usr/bin/env node
// The `hearth` command: runs the compiled CLI (`npm run build:server` produces dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('hearth: not built yet. Run `npm run build` in the Hearth checkout first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
