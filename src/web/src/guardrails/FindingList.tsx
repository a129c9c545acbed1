import { Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding } from './check.api';
import { SEVERITY_COLOR } from './severity';

interface FindingListProps {
  findings: readonly Finding[];
  /** Suggestions can be applied only while the findings match the text as it stands. */
  canApply: boolean;
  onApply: (finding: Finding, suggestion: string) => void;
  /** Offered on spelling findings when the user may add words to the workspace dictionary. */
  onAddToDictionary?: ((word: string) => void) | undefined;
}

/** The findings of a check, one card each: severity, family, message, flagged passage, suggestions. */
export function FindingList({ findings, canApply, onApply, onAddToDictionary }: FindingListProps) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('guardrails.noFindings')}
      </Text>
    );
  }
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('guardrails.findings')}
    >
      {findings.map((finding) => (
        <Paper
          component="li"
          key={`${finding.rule}:${finding.start}:${finding.end}`}
          withBorder
          p="sm"
          radius="md"
        >
          <Stack gap={6}>
            <Group gap="xs">
              <Badge size="sm" color={SEVERITY_COLOR[finding.severity]} variant="light">
                {t(`guardrails.severity.${finding.severity}`)}
              </Badge>
              <Badge size="sm" color="gray" variant="outline" data-testid="finding-category">
                {t(`guardrails.category.${finding.category}`)}
              </Badge>
              {finding.text !== '' && <Code>{finding.text}</Code>}
            </Group>
            <Text size="sm">{finding.message}</Text>
            {finding.suggestions.length > 0 && (
              <Group gap={6} aria-label={t('guardrails.suggestions')}>
                {finding.suggestions.map((suggestion) => (
                  <Button
                    key={suggestion}
                    size="compact-sm"
                    variant="light"
                    disabled={!canApply}
                    onClick={() => onApply(finding, suggestion)}
                  >
                    {suggestion === '' ? t('guardrails.remove') : suggestion}
                  </Button>
                ))}
              </Group>
            )}
            {onAddToDictionary && finding.rule === 'spelling.unknown-word' && (
              <Group>
                <Button size="compact-sm" variant="subtle" onClick={() => onAddToDictionary(finding.text)}>
                  {t('guardrails.addToDictionary', { word: finding.text })}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
