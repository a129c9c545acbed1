/**
 * `npm run train [-- --data DIR] [--models DIR]`: trains the sentiment, offensive and spam heads
 * (seeded, reproducible), writes models/*.bin and one model card each, then prints the figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModels, MODEL_FILES } from '../../src/analysis/classifiers/index.js';
import { FEATURE_VERSION } from '../../src/analysis/model/features.js';
import { encodeHead } from '../../src/analysis/model/model-file.js';
import { parseArgs } from './args.js';
import { writeCards } from './card.js';
import { evaluateModels } from './evaluate.js';
import { trainOffensive } from './offensive.js';
import { trainSentiment } from './sentiment.js';
import { trainSpam } from './spam.js';

/** Bump with every retraining whose output may differ (new data, options or features). */
export const MODEL_VERSION = '2026.11.1';

const args = parseArgs(process.argv.slice(2));
const meta = { version: MODEL_VERSION, featureVersion: FEATURE_VERSION };
mkdirSync(args.models, { recursive: true });
const trainedOn: Record<string, Record<string, number>> = {};
const options: Record<string, unknown> = {};
for (const [task, train] of [
  ['sentiment', trainSentiment],
  ['offensive', trainOffensive],
  ['spam', trainSpam],
] as const) {
  const started = performance.now();
  const fitted = train(args.data, meta);
  writeFileSync(join(args.models, MODEL_FILES[task]), encodeHead(fitted.head));
  trainedOn[task] = fitted.trainedOn;
  options[task] = { bits: fitted.head.bits, threshold: fitted.head.threshold, calibration: fitted.head.calibration };
  console.error(`${task}: trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const started = performance.now();
const models = loadModels(args.models);
const loadMs = Math.round(performance.now() - started);
const figures = evaluateModels(args.data, models);
writeCards(args.models, { version: MODEL_VERSION, trainedOn, figures, loadMs });
console.log(JSON.stringify({ version: MODEL_VERSION, loadMs, ...figures }, null, 2));
