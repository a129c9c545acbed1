import {
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../components/QueryError';
import { canAddWords } from '../house-style/permissions';
import { useAddDictionaryWords } from '../house-style/house-style.queries';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { CHECK_LANGUAGES, NETWORKS, type CheckLanguage, type Finding, type Network } from './check.api';
import { checkRequestFor } from './check-request';
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

interface DraftCheckerProps {
  /**
   * The message the draft answers, for a host that shows it itself (the inbox's reply box): the
   * reply-tone rules run against it. Without it, the checker offers "This is a reply" and a box to
   * paste the message answered.
   */
  replyTo?: string;
  /** The draft, for a host that keeps it (to send it); the checker keeps its own when absent. */
  value?: string;
  onChange?: (text: string) => void;
  /** The network chosen at first. */
  defaultNetwork?: Network;
  /**
   * The check's options, for a host that sets them with its own controls (the composer): the
   * checker then shows none of its own (network, language, partnership, reply).
   */
  settings?: {
    network: Network | null;
    language: CheckLanguage;
    partnership: boolean;
    accountId?: string | undefined;
    images?: readonly { altText: string | null }[];
    publishAt?: string | null;
  };
  /** The text box's label (default: "Draft", or "Your reply"). */
  label?: string;
  /** Shows the text and its findings without letting it change. */
  readOnly?: boolean;
}

/** A draft, a post or a reply, checked as it is typed: its findings and one-click fixes. */
export function DraftChecker({
  replyTo,
  value,
  onChange,
  defaultNetwork,
  settings,
  label,
  readOnly = false,
}: DraftCheckerProps) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [ownText, setOwnText] = useState('');
  const text = value ?? ownText;
  const [ownNetwork, setNetwork] = useState<Network | null>(defaultNetwork ?? null);
  const [ownLanguage, setLanguage] = useState<CheckLanguage>('auto');
  const [isReply, setIsReply] = useState(false);
  const [pastedOriginal, setPastedOriginal] = useState('');
  const [ownPartnership, setPartnership] = useState(false);
  const hosted = settings !== undefined;
  const network = settings ? settings.network : ownNetwork;
  const language = settings ? settings.language : ownLanguage;
  const partnership = settings ? settings.partnership : ownPartnership;
  const hostReply = replyTo !== undefined;
  const replying = hostReply || isReply;
  const original = hostReply ? replyTo : isReply ? pastedOriginal : undefined;
  const languageLabelId = useId();
  const request = useMemo(
    () =>
      checkRequestFor({
        workspaceId: workspace.id,
        text,
        language,
        network,
        replyTo: original,
        partnership: !replying && partnership,
        accountId: settings?.accountId,
        images: settings?.images,
        publishAt: settings?.publishAt,
      }),
    [
      workspace.id,
      text,
      language,
      network,
      original,
      replying,
      partnership,
      settings?.accountId,
      settings?.images,
      settings?.publishAt,
    ],
  );
  const { checked, isCurrent, isChecking, error } = useLiveCheck(workspace.id, request);
  const addWords = useAddDictionaryWords(workspace.id);
  const setText = (next: string): void => {
    if (value === undefined) {
      setOwnText(next);
    }
    onChange?.(next);
  };
  const apply = (finding: Finding, suggestion: string): void =>
    setText(applySuggestion(text, finding, suggestion));

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          {hostReply || hosted ? null : (
            <Switch
              label={t('guardrails.isReply')}
              description={t('guardrails.isReplyHint')}
              checked={isReply}
              onChange={(event) => setIsReply(event.currentTarget.checked)}
            />
          )}
          {isReply && !hostReply ? (
            <Textarea
              label={t('guardrails.replyTo')}
              placeholder={t('guardrails.replyToPlaceholder')}
              autosize
              minRows={2}
              value={pastedOriginal}
              onChange={(event) => setPastedOriginal(event.currentTarget.value)}
            />
          ) : null}
          <Textarea
            label={label ?? (replying ? t('guardrails.reply') : t('guardrails.draft'))}
            placeholder={t('guardrails.draftPlaceholder')}
            autosize
            minRows={5}
            value={text}
            readOnly={readOnly}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          {hosted ? null : (
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
                <Text size="sm" fw={500} id={languageLabelId}>
                  {t('guardrails.language')}
                </Text>
                <SegmentedControl
                  aria-labelledby={languageLabelId}
                  value={language}
                  onChange={(value) => setLanguage(isLanguage(value) ? value : 'auto')}
                  data={CHECK_LANGUAGES.map((value) => ({
                    value,
                    label: t(`guardrails.languages.${value}`),
                  }))}
                />
              </Stack>
            </Group>
          )}
          {replying || hosted ? null : (
            <Switch
              label={t('guardrails.partnership')}
              description={t('guardrails.partnershipHint')}
              checked={partnership}
              onChange={(event) => setPartnership(event.currentTarget.checked)}
            />
          )}
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
                canApply={isCurrent && !readOnly}
                onApply={apply}
                onAddToDictionary={
                  canAddWords(workspace.role) ? (word) => addWords.mutate([word]) : undefined
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
