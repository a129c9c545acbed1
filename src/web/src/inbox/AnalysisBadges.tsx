import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const INTENTS = [
  'question',
  'complaint',
  'praise',
  'purchase_intent',
  'feature_request',
  'support_request',
] as const;
const SENTIMENT_COLOR = { negative: 'red', neutral: 'gray', positive: 'teal' } as const;

const known = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/** The last message's sentiment and intents, as the analyzer read them (unknown labels are left out). */
export function AnalysisBadges({ sentiment, intents }: { sentiment: string | null; intents: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {sentiment !== null && known(SENTIMENTS, sentiment) && sentiment !== 'neutral' ? (
        <Badge variant="light" size="sm" color={SENTIMENT_COLOR[sentiment]}>
          {t(`inbox.sentiment.${sentiment}`)}
        </Badge>
      ) : null}
      {intents
        .filter((intent) => known(INTENTS, intent))
        .map((intent) =>
          known(INTENTS, intent) ? (
            <Badge key={intent} variant="light" size="sm" color="grape">
              {t(`inbox.intent.${intent}`)}
            </Badge>
          ) : null,
        )}
    </>
  );
}
