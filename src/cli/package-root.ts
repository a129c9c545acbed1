import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Hearth's package.json, whether running from src/ (tests) or dist/ (built). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('Cannot find the Hearth package root');
    }
    dir = parent;
  }
  return dir;
}

/** Where the built web UI lives (HEARTH_WEB_ROOT overrides). */
export const webRoot = (): string => process.env.HEARTH_WEB_ROOT ?? join(packageRoot(), 'dist', 'web');
