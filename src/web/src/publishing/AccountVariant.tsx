import { Alert, Badge, Group, Paper, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectedAccount } from '../accounts/accounts.api';
import { NETWORK_COLOR, NETWORK_LABEL } from '../accounts/networks';
import type { CheckLanguage, Network } from '../guardrails/check.api';
import { checkRequestFor } from '../guardrails/check-request';
import { FindingList } from '../guardrails/FindingList';
import { applySuggestion } from '../guardrails/text-edits';
import { useLiveCheck } from '../guardrails/use-live-check';
import { VerdictBadge } from '../guardrails/VerdictBadge';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { CharacterCount, NetworkPreview } from './NetworkPreview';
import type { PostMedia } from './posts.api';

/** The guardrails' name of an account's network (a webhook has no rules of its own). */
export const guardrailsNetwork = (network: ConnectedAccount['network']): Network | null =>
  network === 'webhook' ? null : network;

interface AccountVariantProps {
  account: ConnectedAccount;
  /** The post's text, used when the account has no text of its own. */
  mainText: string;
  /** The account's own text; undefined: it uses the post's text. */
  variant: string | undefined;
  onChange: (variant: string | undefined) => void;
  media: readonly PostMedia[];
  editable: boolean;
  /** Why this account may not publish (its credentials fail), from the server. */
  warning: string | null;
  check: { language: CheckLanguage; partnership: boolean; publishAt: string | null };
}

/** One account of the post: its preview as the network shows it, and its own text if it needs one. */
export function AccountVariant({
  account,
  mainText,
  variant,
  onChange,
  media,
  editable,
  warning,
  check,
}: AccountVariantProps) {
  const { t } = useTranslation();
  const own = variant !== undefined;
  const text = own && variant.trim() !== '' ? variant : mainText;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-label={t('publishing.variant.section', { handle: account.handle })}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge color={NETWORK_COLOR[account.network]} variant="outline" size="sm">
              {NETWORK_LABEL[account.network]}
            </Badge>
            <Text fw={600} size="sm" truncate>
              {account.handle}
            </Text>
          </Group>
          <Switch
            size="xs"
            label={t('publishing.variant.own')}
            checked={own}
            disabled={!editable}
            onChange={(event) => onChange(event.currentTarget.checked ? mainText : undefined)}
          />
        </Group>
        {warning !== null || account.health === 'failing' ? (
          <Alert color="red" p="xs" role="alert">
            <Text size="xs">{warning ?? account.healthMessage ?? t('accounts.failingUnknown')}</Text>
          </Alert>
        ) : null}
        {own ? (
          <VariantText
            account={account}
            value={variant}
            onChange={onChange}
            editable={editable}
            media={media}
            check={check}
          />
        ) : null}
        <NetworkPreview account={account} text={text} media={media} />
      </Stack>
    </Paper>
  );
}

function VariantText({
  account,
  value,
  onChange,
  editable,
  media,
  check,
}: {
  account: ConnectedAccount;
  value: string;
  onChange: (variant: string) => void;
  editable: boolean;
  media: readonly PostMedia[];
  check: AccountVariantProps['check'];
}) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const images = useMemo(() => media.map((m) => ({ altText: m.altText })), [media]);
  const request = useMemo(
    () =>
      checkRequestFor({
        workspaceId: workspace.id,
        text: value,
        language: check.language,
        network: guardrailsNetwork(account.network),
        partnership: check.partnership,
        accountId: account.id,
        images,
        publishAt: check.publishAt,
      }),
    [
      workspace.id,
      value,
      check.language,
      check.partnership,
      check.publishAt,
      account.network,
      account.id,
      images,
    ],
  );
  const live = useLiveCheck(workspace.id, request);
  return (
    <Stack gap={6}>
      <Textarea
        label={t('publishing.variant.text', { handle: account.handle })}
        autosize
        minRows={3}
        value={value}
        readOnly={!editable}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <Group justify="space-between">
        {live.checked ? <VerdictBadge verdict={live.checked.verdict} score={live.checked.score} /> : <span />}
        <CharacterCount text={value} network={account.network} />
      </Group>
      {live.checked && live.checked.findings.length > 0 ? (
        <FindingList
          findings={live.checked.findings}
          canApply={live.isCurrent && editable}
          onApply={(finding, suggestion) => onChange(applySuggestion(value, finding, suggestion))}
        />
      ) : null}
    </Stack>
  );
}
