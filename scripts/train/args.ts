/** Command-line options shared by the training and evaluation scripts. */
import { join } from 'node:path';
import { defaultModelsDir } from '../../src/analysis/model/models-dir.js';

export interface ScriptArgs {
  /** A folder laid out like ../shared/datasets. */
  data: string;
  /** Where model files are written or read. */
  models: string;
}

/** `--data DIR` (default ../shared/datasets beside the package) and `--models DIR` (default models/). */
export function parseArgs(argv: string[]): ScriptArgs {
  const models = defaultModelsDir();
  const out: ScriptArgs = { data: join(models, '..', '..', 'shared', 'datasets'), models };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if ((argv[i] === '--data' || argv[i] === '--models') && value !== undefined) {
      out[argv[i] === '--data' ? 'data' : 'models'] = value;
      i++;
    } else {
      throw new Error(`Unknown option ${argv[i] ?? ''}; usage: [--data DIR] [--models DIR]`);
    }
  }
  return out;
}
