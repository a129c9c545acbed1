import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/use-ui-language';
import { formatDateTime } from '../../lib/format';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { HighlightedMention } from '../HighlightedMention';
import type { Mention, Sentiment } from '../listening.api';
import { safeHttpUrl } from '../safe-url';

const SENTIMENT_COLOR: Record<Sentiment, string> = { negative: 'red', neutral: 'gray', positive: 'teal' };

/** One mention: who, where, when, its analysis, the text with what matched marked, and why it matched. */
export function MentionCard({ mention }: { mention: Mention }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const link = safeHttpUrl(mention.url);
  const author = mention.author.name ?? mention.author.handle ?? t('listening.mentions.unknownAuthor');
  const terms = mention.why?.terms.map((term) => term.query) ?? [];
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      aria-label={t('listening.mentions.itemLabel', { author })}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} lineClamp={1}>
            {author}
            {mention.author.handle !== null && mention.author.name !== null ? (
              <Text span size="sm" c="dimmed" fw={400}>
                {` @${mention.author.handle}`}
              </Text>
            ) : null}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(mention.createdAt, language, workspace.timeZone)}
          </Text>
        </Group>
        <Group gap={6}>
          <Badge variant="outline" size="sm">
            {mention.network}
          </Badge>
          <Badge variant="outline" size="sm" color="gray">
            {mention.language}
          </Badge>
          {mention.sentiment ? (
            <Badge variant="light" size="sm" color={SENTIMENT_COLOR[mention.sentiment.label]}>
              {t(`listening.sentiment.${mention.sentiment.label}`)}
            </Badge>
          ) : null}
          {mention.intents.map((intent) => (
            <Badge key={intent} variant="light" size="sm" color="grape">
              {t(`listening.intent.${intent}`)}
            </Badge>
          ))}
          {mention.spam ? (
            <Badge variant="light" size="sm" color="orange">
              {t('listening.mentions.spam')}
            </Badge>
          ) : null}
        </Group>
        <HighlightedMention text={mention.text} spans={mention.why?.highlights ?? []} />
        {terms.length > 0 ? (
          <Text size="xs" c="dimmed" data-testid="why-matched">
            {t('listening.mentions.why', { terms: terms.join(', ') })}
          </Text>
        ) : null}
        {link === null ? null : (
          <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" size="xs">
            {t('listening.mentions.open')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
