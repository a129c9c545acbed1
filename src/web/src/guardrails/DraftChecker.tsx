import {
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../components/QueryError';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import {
  CHECK_LANGUAGES,
  NETWORKS,
  type CheckLanguage,
  type CheckRequest,
  type Finding,
  type Network,
} from './check.api';
import { canAddToDictionary, useAddToDictionary } from './dictionary.api';
import { FindingList } from './FindingList';
import { HighlightedText } from './HighlightedText';
import { applySuggestion } from './text-edits';
import { useLiveCheck } from './use-live-check';
import { VerdictBadge } from './VerdictBadge';

const NETWORK_NAMES: Record<Network, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
};

const isNetwork = (value: string | null): value is Network => NETWORKS.some((network) => network === value);
const isLanguage = (value: string): value is CheckLanguage =>
  CHECK_LANGUAGES.some((language) => language === value);

/** A draft checked against the guardrails as it is typed, with its findings and one-click fixes. */
export function DraftChecker() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [text, setText] = useState('');
  const [network, setNetwork] = useState<Network | null>(null);
  const [language, setLanguage] = useState<CheckLanguage>('auto');
  const request: CheckRequest = useMemo(
    () => ({
      workspaceId: workspace.id,
      text,
      language,
      ...(network ? { network } : {}),
    }),
    [workspace.id, text, language, network],
  );
  const { checked, isCurrent, isChecking, error } = useLiveCheck(workspace.id, request);
  const addWord = useAddToDictionary(workspace.id);
  const apply = (finding: Finding, suggestion: string): void =>
    setText((current) => applySuggestion(current, finding, suggestion));

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <Textarea
            label={t('guardrails.draft')}
            placeholder={t('guardrails.draftPlaceholder')}
            autosize
            minRows={5}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <Group align="flex-end">
            <Select
              label={t('guardrails.network')}
              placeholder={t('guardrails.anyNetwork')}
              data={NETWORKS.map((value) => ({ value, label: NETWORK_NAMES[value] }))}
              value={network}
              onChange={(value) => setNetwork(isNetwork(value) ? value : null)}
              clearable
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="draft-language-label">
                {t('guardrails.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="draft-language-label"
                value={language}
                onChange={(value) => setLanguage(isLanguage(value) ? value : 'auto')}
                data={CHECK_LANGUAGES.map((value) => ({ value, label: t(`guardrails.languages.${value}`) }))}
              />
            </Stack>
          </Group>
          {text !== '' && (
            <Paper withBorder p="md" radius="md" bg="var(--mantine-color-default-hover)">
              <Stack gap={6}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('guardrails.preview')}
                </Text>
                <HighlightedText
                  text={text}
                  findings={isCurrent && checked ? checked.findings : []}
                  label={t('guardrails.preview')}
                />
              </Stack>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack component="section" aria-label={t('guardrails.title')}>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('guardrails.title')}
            </Title>
            {isChecking && <Loader size="xs" aria-label={t('guardrails.checking')} />}
          </Group>
          {error ? <QueryError error={error} title={t('guardrails.failed')} /> : null}
          {checked ? (
            <>
              <VerdictBadge verdict={checked.verdict} score={checked.score} />
              <FindingList
                findings={checked.findings}
                canApply={isCurrent}
                onApply={apply}
                onAddToDictionary={
                  canAddToDictionary(workspace.role) ? (word) => addWord.mutate(word) : undefined
                }
              />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('guardrails.empty')}
            </Text>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
