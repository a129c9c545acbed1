import { Anchor, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { safeHttpUrl } from '../safe-url';
import type { Explanation, MentionSample } from './alerts.api';
import { explanationLines } from './explain';
import { useFormatters } from './use-formatters';

/** An alert's maths in sentences, then the mentions behind it (network text, rendered as text). */
export function ExplanationView({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const samples: MentionSample[] =
    explanation.kind === 'high_reach' || explanation.kind === 'opportunity'
      ? [explanation.mention]
      : (explanation.samples ?? []);
  return (
    <Stack gap={6}>
      <List size="sm" spacing={2}>
        {explanationLines(explanation, f).map((line) => (
          <List.Item key={line.key}>{t(`alerts.explain.${line.key}`, { replace: line.values })}</List.Item>
        ))}
      </List>
      {samples.length === 0 ? null : (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('alerts.list.samples')}
          </Text>
          {samples.map((sample) => (
            <SampleMention key={sample.id} sample={sample} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SampleMention({ sample }: { sample: MentionSample }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const link = safeHttpUrl(sample.url);
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {[
          sample.author === null ? null : `@${sample.author}`,
          sample.network,
          sample.followers === null ? null : f.number(sample.followers),
          f.date(sample.createdAt),
        ]
          .filter((part) => part !== null)
          .join(' · ')}
        {link === null ? null : (
          <>
            {' · '}
            <Anchor href={link} target="_blank" rel="noreferrer noopener" size="xs">
              {t('alerts.list.openMention')}
            </Anchor>
          </>
        )}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {sample.text}
      </Text>
    </Paper>
  );
}
