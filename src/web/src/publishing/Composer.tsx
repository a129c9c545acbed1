import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ConnectedAccount } from '../accounts/accounts.api';
import { NETWORK_LABEL } from '../accounts/networks';
import type { Workspace } from '../api/types';
import { CHECK_LANGUAGES, type CheckLanguage, type Network } from '../guardrails/check.api';
import { DraftChecker } from '../guardrails/DraftChecker';
import { errorMessage } from '../lib/error-message';
import { fromLocalInput } from '../lib/zoned-time';
import { AccountVariant, guardrailsNetwork } from './AccountVariant';
import type { SavePhase } from './autosave';
import { useComposerActions } from './use-composer-actions';
import type { DraftValues } from './draft';
import { MediaEditor } from './MediaEditor';
import { canEditMedia, isEditable, needsApproval } from './post-actions';
import type { Post, PostLanguage } from './posts.api';
import { PostResults, ScheduledCheck } from './PostResults';
import { PostStatusBadge } from './PostStatusBadge';
import { useComposer } from './use-composer';

interface ComposerProps {
  workspace: Workspace;
  accounts: ConnectedAccount[];
  /** The post as the server has it; null for a new one. */
  post: Post | null;
  initial?: DraftValues | undefined;
  onCreated: (post: Post) => void;
}

const toCheckLanguage = (language: PostLanguage | null): CheckLanguage => language ?? 'auto';
const fromCheckLanguage = (value: string): PostLanguage | null =>
  value === 'en' || value === 'fr' ? value : null;

/** The network whose rules the post's own text must meet: the strictest of the accounts that use it. */
function strictestNetwork(accounts: readonly ConnectedAccount[]): Network | null {
  const networks = accounts.map((account) => guardrailsNetwork(account.network));
  return networks.includes('bluesky') ? 'bluesky' : networks.includes('mastodon') ? 'mastodon' : null;
}

/** One post for several accounts: the text checked as it is typed, variants, images, time, and the workflow. */
export function Composer({ workspace, accounts, post, initial, onCreated }: ComposerProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const languageLabel = useId();
  const status = post?.status ?? null;
  const editable = isEditable(workspace.role, status ?? 'draft');
  const composer = useComposer({
    workspaceId: workspace.id,
    timeZone: workspace.timeZone,
    post,
    initial,
    editable,
    onCreated,
  });
  const { values, edit, autosave } = composer;

  // Accounts of the post that were removed since stay listed, from the post's targets.
  const known = new Map(accounts.map((account) => [account.id, account]));
  const chosen = values.accountIds.flatMap((id) => {
    const account = known.get(id);
    if (account) {
      return [account];
    }
    const target = post?.targets.find((t) => t.accountId === id);
    return target
      ? [
          {
            id,
            network: target.network,
            handle: target.handle,
            displayName: null,
            url: null,
            followers: null,
            health: 'unchecked' as const,
            healthMessage: null,
            checkedAt: null,
            voiceOverride: null,
            createdAt: '',
          },
        ]
      : [];
  });
  const usingMainText = chosen.filter((account) => (values.variants[account.id] ?? '').trim() === '');
  const media = useMemo(() => post?.media ?? [], [post?.media]);
  const images = useMemo(() => media.map((m) => ({ altText: m.altText })), [media]);
  const publishAtIso = fromLocalInput(values.publishAt, workspace.timeZone);
  const checkSettings = {
    network: strictestNetwork(usingMainText),
    language: toCheckLanguage(values.language),
    partnership: values.partnership,
    accountId: usingMainText.length === 1 ? usingMainText[0]?.id : undefined,
    images,
    publishAt: publishAtIso,
  };
  const actions = useComposerActions({
    workspace,
    post,
    publishAt: values.publishAt,
    handles: chosen.map((account) => account.handle),
    flush: composer.flush,
    enabled: autosave.phase !== 'conflict',
  });
  const backToDraft = status === 'scheduled' && needsApproval(workspace.role, workspace.approvalPolicy);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>
            {post === null ? t('publishing.composer.newTitle') : t('publishing.composer.editTitle')}
          </Title>
          {status === null ? null : <PostStatusBadge status={status} size="lg" />}
          {editable ? <SaveState phase={autosave.phase} isNew={post === null} /> : null}
        </Group>
        {actions.buttons}
      </Group>
      {actions.feedback}

      {autosave.phase === 'conflict' ? (
        <Alert color="red" role="alert" title={t('publishing.conflict.title')}>
          <Stack gap="xs">
            <Text size="sm">{errorMessage(autosave.error)}</Text>
            <Group>
              <Button size="xs" color="red" onClick={() => void composer.reload()}>
                {t('publishing.conflict.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {autosave.phase === 'failed' ? (
        <Alert color="orange" role="alert" title={t('publishing.saveFailed')}>
          {errorMessage(autosave.error)}
        </Alert>
      ) : null}
      {post?.review?.comment &&
      (status === 'changes_requested' || status === 'rejected' || status === 'approved') ? (
        <Alert
          color={status === 'approved' ? 'teal' : status === 'rejected' ? 'red' : 'orange'}
          title={t(`publishing.reviewNote.${status}`)}
          role="note"
        >
          {post.review.comment}
        </Alert>
      ) : null}
      {composer.unscheduled === null ? null : (
        <Alert
          color="orange"
          role="alert"
          title={t('publishing.composer.unscheduled')}
          withCloseButton
          onClose={composer.dismissUnscheduled}
          closeButtonLabel={t('common.close')}
        >
          {composer.unscheduled}
        </Alert>
      )}
      {status === 'scheduled' && !backToDraft && editable ? (
        <Alert color="blue" role="note">
          {t('publishing.composer.scheduledEdit')}
        </Alert>
      ) : null}
      {backToDraft ? (
        <Alert color="yellow" role="note">
          {t('publishing.composer.backToDraft')}
        </Alert>
      ) : null}

      {editable ? (
        <DraftChecker
          label={t('publishing.composer.text')}
          value={values.text}
          onChange={(text) => edit({ text })}
          settings={checkSettings}
        />
      ) : (
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('publishing.composer.text')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{values.text}</Text>
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  void navigate(`/w/${workspace.id}/publish`, {
                    state: { copy: { ...values, publishAt: '' } },
                  })
                }
              >
                {t('publishing.composer.copy')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <AccountPicker
              accounts={accounts}
              selected={values.accountIds}
              disabled={!editable}
              onChange={(accountIds) => edit({ accountIds })}
              workspaceId={workspace.id}
            />
            <Stack gap="sm" component="section" aria-label={t('publishing.composer.options')}>
              <Stack gap={4}>
                <Text size="sm" fw={500} id={languageLabel}>
                  {t('guardrails.language')}
                </Text>
                <SegmentedControl
                  aria-labelledby={languageLabel}
                  value={toCheckLanguage(values.language)}
                  disabled={!editable}
                  onChange={(value) => edit({ language: fromCheckLanguage(value) })}
                  data={CHECK_LANGUAGES.map((value) => ({
                    value,
                    label: t(`guardrails.languages.${value}`),
                  }))}
                />
              </Stack>
              <Switch
                label={t('guardrails.partnership')}
                description={t('guardrails.partnershipHint')}
                checked={values.partnership}
                disabled={!editable}
                onChange={(event) => edit({ partnership: event.currentTarget.checked })}
              />
              <TextInput
                type="datetime-local"
                label={t('publishing.composer.publishAt')}
                description={t('publishing.composer.publishAtHint', { timeZone: workspace.timeZone })}
                value={values.publishAt}
                disabled={!editable}
                onChange={(event) => edit({ publishAt: event.currentTarget.value })}
                w={{ base: '100%', sm: 320 }}
              />
            </Stack>
            <MediaEditor
              workspaceId={workspace.id}
              post={post}
              editable={canEditMedia(workspace.role, status ?? 'draft')}
              ensureSaved={composer.flush}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="sm" component="section" aria-label={t('publishing.composer.previews')}>
            <Title order={3} size="h5">
              {t('publishing.composer.previews')}
            </Title>
            {chosen.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('publishing.composer.noAccountChosen')}
              </Text>
            ) : null}
            {chosen.map((account) => (
              <AccountVariant
                key={account.id}
                account={account}
                mainText={values.text}
                variant={values.variants[account.id]}
                onChange={(variant) => {
                  const variants = { ...values.variants };
                  if (variant === undefined) {
                    delete variants[account.id];
                  } else {
                    variants[account.id] = variant;
                  }
                  edit({ variants });
                }}
                media={media}
                editable={editable}
                warning={post?.targets.find((target) => target.accountId === account.id)?.warning ?? null}
                check={{
                  language: toCheckLanguage(values.language),
                  partnership: values.partnership,
                  publishAt: publishAtIso,
                }}
              />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>

      {post !== null && status !== 'draft' ? <PostResults post={post} timeZone={workspace.timeZone} /> : null}
      {post !== null ? <ScheduledCheck post={post} /> : null}
    </Stack>
  );
}

/** "Saved", "Saving…": where the autosave stands. */
function SaveState({ phase, isNew }: { phase: SavePhase; isNew: boolean }) {
  const { t } = useTranslation();
  const key: Record<SavePhase, 'notSaved' | 'saved' | 'saving' | 'unsaved' | 'failed' | 'conflict'> = {
    clean: isNew ? 'notSaved' : 'saved',
    saved: 'saved',
    pending: 'unsaved',
    saving: 'saving',
    failed: 'failed',
    conflict: 'conflict',
  };
  const color = phase === 'failed' || phase === 'conflict' ? 'red' : 'dimmed';
  return (
    <Text size="sm" c={color} data-testid="save-state" role="status" aria-live="polite">
      {t(`publishing.saveState.${key[phase]}`)}
    </Text>
  );
}

/** The connected accounts to publish to; a failing one says so. */
function AccountPicker({
  accounts,
  selected,
  disabled,
  onChange,
  workspaceId,
}: {
  accounts: ConnectedAccount[];
  selected: string[];
  disabled: boolean;
  onChange: (ids: string[]) => void;
  workspaceId: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('publishing.composer.accounts')} value={selected} onChange={onChange}>
      <Stack gap="xs" mt="xs">
        {accounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('publishing.composer.noAccounts')}{' '}
            <Anchor component={Link} to={`/w/${workspaceId}/settings/accounts`} size="sm">
              {t('publishing.composer.connectLink')}
            </Anchor>
          </Text>
        ) : null}
        {accounts.map((account) => (
          <Checkbox
            key={account.id}
            value={account.id}
            label={account.handle}
            disabled={disabled}
            description={
              account.health === 'failing'
                ? t('publishing.composer.accountFailing', { network: NETWORK_LABEL[account.network] })
                : NETWORK_LABEL[account.network]
            }
            error={account.health === 'failing'}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
