/** Writes one model card (Markdown) per head, from the figures measured on the shipped files. */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FILES } from '../../src/analysis/classifiers/index.js';
import type { Figures } from './evaluate.js';

interface CardInput {
  version: string;
  trainedOn: Record<string, Record<string, number>>;
  figures: Figures;
  loadMs: number;
}

const TERMS = {
  tweeteval:
    'TweetEval (Barbieri et al., 2020; SemEval-2017 Task 4 and SemEval-2019 Task 6 / OLID): SemEval task terms (research use); cite TweetEval and the task papers.',
  umsab: 'UMSAB (cardiffnlp/xlm-t, Barbieri et al., 2022): Apache-2.0.',
  mlma: 'MLMA hate speech (Ousidhoum et al., EMNLP 2019; HKUST-KnowComp/MLMA_hate_speech): MIT.',
  youtube: 'YouTube Spam Collection (Alberto, Lochter & Almeida, ICMLA 2015; UCI): CC BY 4.0; the AUTHOR column is not used.',
};

const COMMON = `## Method
Shared features for every head (\`src/analysis/model/features.ts\`): the text normalised by
\`normalizeForModel\` (\`\\uXXXX\` escapes decoded, NFC, lower case, URLs → \`http\`, handles → \`@user\`,
emoji kept), then hashed word 1–2-grams, negation-marked words, character 2–5-grams inside word
boundaries and a hand-written fr+en profanity cue, each family L2-normalised. The head is an
NB-scaled logistic regression (NBSVM-style; softmax for 3 classes), class-balanced, trained by
AdaGrad with a fixed seed on 2^18 hashed buckets; 10–20 % of the training data is held out to fit
the calibration (temperature or Platt scaling) and, for binary heads, the decision threshold.
Weights are quantised to int8 (one scale per head). Reproduce with \`npm run train\`; recompute the
figures of the shipped files with \`npx tsx scripts/train/evaluate.ts\`.
`;

function size(dir: string, file: string): string {
  return `${(statSync(join(dir, file)).size / 1024 / 1024).toFixed(2)} MB`;
}

function header(title: string, input: CardInput, dir: string, file: string): string {
  const data = Object.entries(input.trainedOn[file.replace('.bin', '')] ?? {})
    .map(([source, n]) => `- ${source}: ${n} texts`)
    .join('\n');
  return `# ${title}

- File: \`models/${file}\` (${size(dir, file)}, int8), version ${input.version}, trained ${new Date().toISOString().slice(0, 10)}
- Load time of the three heads together: ${input.loadMs} ms; throughput of features + all heads: ${input.figures.throughputPerSecond} texts/s on one core
- Labels and licences of the training data below; validation figures are on validation splits never trained on
  (texts of the validation splits are removed from the training data by exact match).

## Training data
${data}

`;
}

/** Writes sentiment.md, offensive.md and spam.md beside the model files. */
export function writeCards(dir: string, input: CardInput): void {
  const { sentiment, offensive, spam } = input.figures;
  const umsab = Object.entries(sentiment.umsabValMacroF1)
    .map(([lang, f1]) => `| ${lang} | ${f1} | ${sentiment.umsabValEce[lang] ?? ''} |`)
    .join('\n');
  writeFileSync(
    join(dir, 'sentiment.md'),
    `${header('Sentiment (negative / neutral / positive)', input, dir, MODEL_FILES.sentiment)}## Licences and terms
- ${TERMS.tweeteval}
- ${TERMS.umsab} UMSAB English train is NOT used (it overlaps TweetEval val).

## Validation
- TweetEval sentiment val (n = ${sentiment.tweetEvalVal.n}): macro recall **${sentiment.tweetEvalVal.macroRecall}**, macro F1 ${sentiment.tweetEvalVal.macroF1}, accuracy ${sentiment.tweetEvalVal.accuracy}, ECE ${sentiment.tweetEvalVal.ece}
- UMSAB val (n = 324 each), macro F1 and ECE (top label, 10 bins):

| language | macro F1 | ECE |
|---|---|---|
${umsab}

The UMSAB "hindi" tweets are romanised Hinglish, with only 1,838 training tweets: expect little there.
Probabilities are calibrated with a softmax temperature only, so calibration never changes the label.

${COMMON}`,
  );
  writeFileSync(
    join(dir, 'offensive.md'),
    `${header('Offensive (insults, profanity, hate)', input, dir, MODEL_FILES.offensive)}## Licences and terms
- ${TERMS.tweeteval}
- ${TERMS.mlma} Only its French file, even rows, is trained on (weight 0.3: keyword-sampled, mostly hostile).
- ${TERMS.umsab} Neutral and positive tweets only, as ordinary non-offensive text (weight 0.5).

## Validation
- TweetEval offensive val (n = ${offensive.tweetEvalVal.n}): macro F1 **${offensive.tweetEvalVal.macroF1}**, F1 of offensive ${offensive.tweetEvalVal.offensiveF1}, ECE ${offensive.tweetEvalVal.ece}; decision threshold ${offensive.tweetEvalVal.threshold} (tuned on held-out train); French texts use ${offensive.tweetEvalVal.frenchThreshold}, fitted by the same rule on held-out MLMA French rows (classify picks it from the detected language)
- MLMA French, odd rows (never trained on): recall on offensive/abusive/hateful/disrespectful tweets **${offensive.mlmaFrRecall.recall} %** (n = ${offensive.mlmaFrRecall.n}); "normal" tweets flagged ${offensive.mlmaFrRecall.flaggedNormal} % (n = ${offensive.mlmaFrRecall.nNormal}; MLMA's normal tweets are keyword-sampled on the same hostile topics)
- UMSAB French val (ordinary French tweets): ${offensive.umsabFrenchValFlagged} % flagged

${COMMON}`,
  );
  const perVideo = Object.entries(spam.leaveOneVideoOut.perVideo)
    .map(([video, f1]) => `| ${video} | ${f1} |`)
    .join('\n');
  const unseen = spam.unseenVideos ? `- Videos never trained on (n = ${spam.unseenVideos.n}): F1 of spam ${spam.unseenVideos.spamF1}\n` : '';
  writeFileSync(
    join(dir, 'spam.md'),
    `${header('Comment spam', input, dir, MODEL_FILES.spam)}## Licences and terms
- ${TERMS.youtube}

## Cue gate
At prediction time (and in the figures below) a text with no spam cue — no link, phone number,
price or call to go elsewhere ("subscribe", "check my channel", "abonnez-vous"…; see
\`src/analysis/classifiers/spam-cues.ts\`) has its spam score multiplied by 0.25. The head learned
from YouTube comments alone and otherwise flags friendly one-liners such as "Thanks for the update".

## Validation
Leave-one-video-out (a head retrained with the same options on the other videos, tested on the
held-out one): F1 of spam **${spam.leaveOneVideoOut.spamF1}** pooled. The shipped head is trained on every video.

| held-out video | F1 of spam |
|---|---|
${perVideo}

${unseen}
${COMMON}`,
  );
}
