import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `models/` of the Hearth package: the folder holding package.json, walking up from this file. */
export function defaultModelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('Cannot find the Hearth package root (package.json)');
    }
    dir = parent;
  }
  return join(dir, 'models');
}
