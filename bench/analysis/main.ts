/**
 * npm run bench:analysis [-- --data DIR]
 * Evaluates every analysis model on the validation splits (or any folder laid out like
 * ../shared/datasets), prints the lexicon packages' figures on the same texts, and measures load
 * time, memory and throughput. Figures only: nothing here asserts.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { loadModels } from '../../src/analysis/classifiers/index.js';
import { readTweetEval } from '../../src/analysis/datasets/datasets.js';
import { packageRoot } from '../../src/cli/package-root.js';
import { formatLanguageTable, runLanguageEvaluation } from '../../scripts/eval-language.js';
import { evaluateIntents } from '../../scripts/intents/evaluate.js';
import { evaluateModels } from '../../scripts/train/evaluate.js';
import { runLexiconBaselines } from './lexicon-baselines.js';
import { measureAnalyzer } from './throughput.js';

function dataDirFromArgs(argv: string[]): string {
  const at = argv.indexOf('--data');
  if (at >= 0) {
    const value = argv[at + 1];
    if (!value) {
      console.error('--data needs a folder');
      process.exit(2);
    }
    return value;
  }
  return join(packageRoot(), '..', 'shared', 'datasets');
}

const section = (title: string): void => console.log(`\n## ${title}\n`);
const fixed = (value: number, digits = 1): string => value.toFixed(digits);

async function main(): Promise<void> {
  const dataDir = dataDirFromArgs(process.argv.slice(2));
  console.log(`# Hearth text analysis benchmark\n\ndata: ${dataDir}\nnode ${process.version}, one thread`);

  section('Load, memory and throughput (all analyses at once, as ingestion runs them)');
  const texts = readTweetEval(dataDir, 'sentiment', 'val').texts;
  const speed = await measureAnalyzer(texts);
  console.log(`load ${fixed(speed.loadMs, 0)} ms (target ≤ 1000), +${fixed(speed.loadRssMb, 0)} MB RSS at load, ${fixed(speed.rssAfterMb, 0)} MB RSS after the run (target ≤ 200)`);
  console.log(`${fixed(speed.textsPerSecond, 0)} texts/s on ${speed.texts} TweetEval val texts (target ≥ 5000)`);

  section('Hearth models on validation');
  const models = loadModels();
  const figures = evaluateModels(dataDir, models);
  const s = figures.sentiment;
  console.log(`model version ${models.version}`);
  console.log(`English sentiment, tweeteval/sentiment val: macro recall ${fixed(s.tweetEvalVal.macroRecall)} (target ≥ 66), macro F1 ${fixed(s.tweetEvalVal.macroF1)}, ECE ${s.tweetEvalVal.ece}`);
  console.log(`UMSAB sentiment, macro F1 per language: ${Object.entries(s.umsabValMacroF1).map(([l, v]) => `${l} ${fixed(v)}`).join(', ')} (French target ≥ 62)`);
  const o = figures.offensive;
  console.log(`Offensive, tweeteval/offensive val: macro F1 ${fixed(o.tweetEvalVal.macroF1)} (target ≥ 75); French recall on mlma-hate fr ${fixed(o.mlmaFrRecall.recall)} % (n=${o.mlmaFrRecall.n}); ordinary French (UMSAB fr val) flagged ${fixed(o.umsabFrenchValFlagged)} %`);
  console.log(`Spam, youtube-spam leave-one-video-out: F1 of spam ${fixed(figures.spam.leaveOneVideoOut.spamF1, 3)} (target ≥ 0.93)${figures.spam.unseenVideos ? `; unseen videos ${fixed(figures.spam.unseenVideos.spamF1, 3)} (n=${figures.spam.unseenVideos.n})` : ''}`);
  console.log(`classifiers alone: ${fixed(figures.throughputPerSecond, 0)} texts/s`);

  section('Intents');
  const analyzer = await createAnalyzer();
  const intents = await evaluateIntents(dataDir, {
    sentiment: (text, language) => analyzer.analyze(text, { language }).sentiment.scores,
    sentimentName: `hearth sentiment ${models.version}`,
  });
  console.log(`complaint, twitter-complaints (evaluation only): macro F1 ${fixed(intents.complaintMacroF1 * 100)} (target ≥ 78)`);
  for (const set of intents.sets) {
    console.log(`${set.label.padEnd(16)} ${set.set}: precision ${fixed(set.precision * 100)} recall ${fixed(set.recall * 100)} F1 ${fixed(set.f1 * 100)}`);
  }
  console.log(`fired on ordinary tweets: ${Object.entries(intents.ordinaryTweetFiringRate).map(([l, v]) => `${l} ${fixed(v * 100)} %`).join(', ')}`);

  section('Language identification, UMSAB val (accuracy %)');
  console.log(formatLanguageTable(await runLanguageEvaluation({ dataDir, split: 'val' })));

  section('Lexicon packages on the same texts (thresholds tuned on train)');
  runLexiconBaselines(dataDir, (row) =>
    console.log(`${row.package.padEnd(20)} ${row.task.padEnd(26)} ${row.metric} ${fixed(row.value)}  (${fixed(row.textsPerSecond, 0)} texts/s)`),
  );
}

await main();
