import { readTweetEval, readUmsab, type LabelledTexts } from '../../src/analysis/datasets/datasets.js';
import { macroF1, macroRecall } from '../../src/analysis/model/metrics.js';
import { applyThresholds, loadLexicons, tuneThresholds, type Lexicon } from './lexicons.js';

export interface BaselineRow {
  package: string;
  task: string;
  metric: string;
  value: number;
  textsPerSecond: number;
}

// Threshold tuning needs only a sample of train; multilang-sentiment runs ~30 texts/s on French.
const TUNING_SAMPLE = 1_500;

function sample(data: LabelledTexts, size: number): LabelledTexts {
  const step = Math.max(1, Math.floor(data.texts.length / size));
  const picked = data.texts.map((_, i) => i).filter((i) => i % step === 0).slice(0, size);
  return { texts: picked.map((i) => data.texts[i]!), labels: picked.map((i) => data.labels[i]!) };
}

function timed(lexicon: Lexicon, texts: string[], language: string): { scores: number[]; textsPerSecond: number } {
  const start = performance.now();
  const scores = texts.map((text) => lexicon.score(text, language));
  const seconds = (performance.now() - start) / 1000;
  return { scores, textsPerSecond: texts.length / Math.max(seconds, 1e-9) };
}

interface Task {
  name: string;
  language: string;
  metric: 'macro recall' | 'macro F1';
  train: () => LabelledTexts;
  val: () => LabelledTexts;
}

/** Every lexicon package on English (TweetEval) and, where it claims French, UMSAB French. */
export function runLexiconBaselines(dataDir: string, onRow: (row: BaselineRow) => void): BaselineRow[] {
  const tasks: Task[] = [
    {
      name: 'tweeteval/sentiment (en)',
      language: 'en',
      metric: 'macro recall',
      train: () => readTweetEval(dataDir, 'sentiment', 'train'),
      val: () => readTweetEval(dataDir, 'sentiment', 'val'),
    },
    {
      name: 'umsab/french',
      language: 'fr',
      metric: 'macro F1',
      train: () => readUmsab(dataDir, 'fr', 'train'),
      val: () => readUmsab(dataDir, 'fr', 'val'),
    },
  ];
  const rows: BaselineRow[] = [];
  for (const task of tasks) {
    const train = sample(task.train(), TUNING_SAMPLE);
    const val = task.val();
    const metric = (truth: number[], predicted: number[]): number =>
      task.metric === 'macro recall' ? macroRecall(truth, predicted, 3) : macroF1(truth, predicted, 3);
    for (const lexicon of loadLexicons().filter((l) => l.languages.includes(task.language))) {
      const thresholds = tuneThresholds(timed(lexicon, train.texts, task.language).scores, train.labels, metric);
      const { scores, textsPerSecond } = timed(lexicon, val.texts, task.language);
      const row = {
        package: lexicon.name,
        task: task.name,
        metric: task.metric,
        value: metric(val.labels, applyThresholds(scores, thresholds)) * 100,
        textsPerSecond,
      };
      rows.push(row);
      onRow(row);
    }
  }
  return rows;
}
