import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Workspace } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { FormError } from '../components/FormError';
import { useUiLanguage } from '../i18n/use-ui-language';
import { formatDateTime } from '../lib/format';
import { fromLocalInput } from '../lib/zoned-time';
import {
  guardrailsBlockOf,
  isOverrideReason,
  MIN_OVERRIDE_REASON,
  type GuardrailsBlock,
} from './guardrails-block';
import { canApprove, composerActions, type ComposerAction } from './post-actions';
import type { Override, Post, PostAction } from './posts.api';
import { useDeletePost, usePostAction } from './posts.queries';

/** Actions that go through the guardrails gate, and can be overridden by a manager. */
type GatedAction = 'schedule' | 'queue' | 'publishNow';
/** Actions that ask for a comment first. */
type CommentAction = 'approve' | 'requestChanges' | 'reject';

interface ComposerActionsProps {
  workspace: Workspace;
  post: Post | null;
  /** The publish time typed in the composer (datetime-local, workspace zone). */
  publishAt: string;
  /** The accounts' handles, named before publishing now. */
  handles: string[];
  /** Saves the edits first: every action acts on the post as shown. */
  flush: () => Promise<Post | null>;
  /** False while the autosave is stuck (conflict): nothing may act on an outdated post. */
  enabled: boolean;
}

/**
 * The buttons the user's role, the approval policy and the post's status allow (`buttons`), and what
 * they lead to (`feedback`: errors, the guardrails' block with its override, the dialogs), placed
 * apart by the composer.
 */
export function useComposerActions({
  workspace,
  post,
  publishAt,
  handles,
  flush,
  enabled,
}: ComposerActionsProps): {
  buttons: ReactNode;
  feedback: ReactNode;
} {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const navigate = useNavigate();
  const run = usePostAction(workspace.id);
  const remove = useDeletePost(workspace.id);
  const [busy, setBusy] = useState<ComposerAction | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [needsText, setNeedsText] = useState(false);
  const [block, setBlock] = useState<{ action: GatedAction; block: GuardrailsBlock } | null>(null);
  const [asking, setAsking] = useState<CommentAction | 'publishNow' | null>(null);
  const actions = composerActions(workspace.role, workspace.approvalPolicy, post?.status ?? null);
  const publishAtIso = fromLocalInput(publishAt, workspace.timeZone);
  const when = (iso: string | null): string =>
    iso === null ? '' : formatDateTime(iso, language, workspace.timeZone);

  const perform = async (kind: ComposerAction, build: (saved: Post) => PostAction | null): Promise<void> => {
    setFailure(null);
    setNeedsText(false);
    setBusy(kind);
    try {
      const saved = await flush();
      if (saved === null) {
        setNeedsText(true);
        return;
      }
      const action = build(saved);
      if (action === null) {
        notifications.show({ color: 'teal', message: t('publishing.saved') });
        return;
      }
      const result = await run.mutateAsync({ postId: saved.id, action });
      setBlock(null);
      setAsking(null);
      notifications.show({
        color: 'teal',
        message: t(`publishing.done.${kind}`, { date: when(result.publishAt) }),
      });
    } catch (error) {
      const found = guardrailsBlockOf(error);
      if (found !== null && (kind === 'schedule' || kind === 'queue' || kind === 'publishNow')) {
        setBlock({ action: kind, block: found });
        setAsking(null);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(null);
    }
  };

  const gated = (kind: GatedAction, override?: Override): Promise<void> =>
    perform(kind, () => {
      const extra = override ? { override } : {};
      switch (kind) {
        case 'schedule':
          return {
            type: 'schedule',
            ...(publishAtIso === null ? {} : { publishAt: publishAtIso }),
            ...extra,
          };
        case 'publishNow':
          return { type: 'schedule', publishAt: new Date().toISOString(), ...extra };
        case 'queue':
          return { type: 'queue', ...extra };
      }
    });

  const commented = (kind: CommentAction, comment: string): Promise<void> =>
    perform(kind, () => {
      switch (kind) {
        case 'approve':
          return { type: 'approve', ...(comment.trim() === '' ? {} : { comment: comment.trim() }) };
        case 'requestChanges':
          return { type: 'request-changes', comment: comment.trim() };
        case 'reject':
          return { type: 'reject', comment: comment.trim() };
      }
    });

  const button = (kind: ComposerAction) => {
    const common = {
      key: kind,
      loading: busy === kind,
      disabled: !enabled || (busy !== null && busy !== kind),
    };
    switch (kind) {
      case 'save':
        return (
          <Button {...common} variant="default" onClick={() => void perform('save', () => null)}>
            {t('publishing.actions.save')}
          </Button>
        );
      case 'submit':
        return (
          <Button {...common} onClick={() => void perform('submit', () => ({ type: 'submit' }))}>
            {t('publishing.actions.submit')}
          </Button>
        );
      case 'publishNow':
        return (
          <Button {...common} onClick={() => setAsking('publishNow')}>
            {t('publishing.actions.publishNow')}
          </Button>
        );
      case 'schedule':
        return (
          <Tooltip
            key={kind}
            label={t('publishing.actions.scheduleNeedsTime')}
            disabled={publishAtIso !== null}
          >
            <Button
              {...common}
              variant="light"
              disabled={common.disabled || publishAtIso === null}
              onClick={() => void gated('schedule')}
            >
              {publishAtIso === null
                ? t('publishing.actions.schedule')
                : t('publishing.actions.scheduleAt', { date: when(publishAtIso) })}
            </Button>
          </Tooltip>
        );
      case 'queue':
        return (
          <Button {...common} variant="light" onClick={() => void gated('queue')}>
            {t('publishing.actions.queue')}
          </Button>
        );
      case 'approve':
        return (
          <Button {...common} color="teal" onClick={() => setAsking('approve')}>
            {t('publishing.actions.approve')}
          </Button>
        );
      case 'requestChanges':
        return (
          <Button {...common} color="orange" variant="light" onClick={() => setAsking('requestChanges')}>
            {t('publishing.actions.requestChanges')}
          </Button>
        );
      case 'reject':
        return (
          <Button {...common} color="red" variant="light" onClick={() => setAsking('reject')}>
            {t('publishing.actions.reject')}
          </Button>
        );
      case 'cancel':
        return (
          <ConfirmButton
            key={kind}
            size="sm"
            title={t('publishing.actions.cancelTitle')}
            message={t('publishing.actions.cancelConfirm', { date: when(post?.publishAt ?? null) })}
            onConfirm={() => perform('cancel', () => ({ type: 'cancel' }))}
            disabled={common.disabled}
          >
            {t('publishing.actions.cancel')}
          </ConfirmButton>
        );
      case 'delete':
        return (
          <ConfirmButton
            key={kind}
            size="sm"
            variant="subtle"
            title={t('publishing.actions.deleteTitle')}
            message={t('publishing.actions.deleteConfirm')}
            disabled={common.disabled}
            onConfirm={async () => {
              if (post !== null) {
                await remove.mutateAsync(post.id);
                notifications.show({ color: 'teal', message: t('publishing.done.delete') });
                void navigate(`/w/${workspace.id}/publish/drafts`);
              }
            }}
          >
            {t('publishing.actions.delete')}
          </ConfirmButton>
        );
    }
  };

  const buttons =
    actions.length === 0 ? null : (
      <Group gap="xs" justify="flex-end" aria-label={t('publishing.actions.label')} role="group">
        {actions.map(button)}
      </Group>
    );
  const feedback = (
    <>
      {needsText ? (
        <Alert color="orange" role="alert">
          {t('publishing.composer.writeFirst')}
        </Alert>
      ) : null}
      <FormError error={failure} />
      {block === null ? null : (
        <BlockedPanel
          block={block.block}
          canOverride={canApprove(workspace.role)}
          busy={busy === block.action}
          onOverride={(reason) => void gated(block.action, { reason })}
          onClose={() => setBlock(null)}
        />
      )}
      <CommentModal
        kind={asking === 'publishNow' ? null : asking}
        post={post}
        busy={busy !== null}
        onClose={() => setAsking(null)}
        onSubmit={(kind, comment) => void commented(kind, comment)}
        scheduledFor={post?.publishAt ? when(post.publishAt) : null}
      />
      <Modal
        opened={asking === 'publishNow'}
        onClose={() => setAsking(null)}
        title={t('publishing.actions.publishNowTitle')}
        centered
      >
        <Stack>
          <Text>{t('publishing.actions.publishNowConfirm', { count: handles.length })}</Text>
          <List size="sm">
            {handles.map((handle) => (
              <List.Item key={handle}>{handle}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy === 'publishNow'} onClick={() => void gated('publishNow')}>
              {t('publishing.actions.publishNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
  return { buttons, feedback };
}

/** The guardrails refused to schedule: their findings, and for a manager, an override with a reason. */
function BlockedPanel({
  block,
  canOverride,
  busy,
  onOverride,
  onClose,
}: {
  block: GuardrailsBlock;
  canOverride: boolean;
  busy: boolean;
  onOverride: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState(false);
  return (
    <Alert
      color="red"
      role="alert"
      title={t('publishing.block.title')}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      <Stack gap="xs">
        <List size="sm" aria-label={t('publishing.block.findings')}>
          {block.findings.map((finding, index) => (
            <List.Item key={`${finding.rule}:${index}`}>{finding.message}</List.Item>
          ))}
        </List>
        {canOverride ? (
          opened ? (
            <Stack gap="xs">
              <Textarea
                label={t('publishing.block.reason')}
                description={t('publishing.block.reasonHint', { min: MIN_OVERRIDE_REASON })}
                autosize
                minRows={2}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button
                  size="xs"
                  color="red"
                  disabled={!isOverrideReason(reason)}
                  loading={busy}
                  onClick={() => onOverride(reason.trim())}
                >
                  {t('publishing.block.confirm')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group>
              <Button size="xs" variant="white" color="red" onClick={() => setOpened(true)}>
                {t('publishing.block.override')}
              </Button>
            </Group>
          )
        ) : (
          <Text size="sm">{t('publishing.block.askManager')}</Text>
        )}
      </Stack>
    </Alert>
  );
}

/** Approve (optional comment), request changes or reject (a comment is required: the author needs to know why). */
function CommentModal({
  kind,
  post,
  busy,
  onClose,
  onSubmit,
  scheduledFor,
}: {
  kind: CommentAction | null;
  post: Post | null;
  busy: boolean;
  onClose: () => void;
  onSubmit: (kind: CommentAction, comment: string) => void;
  scheduledFor: string | null;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  useEffect(() => setComment(''), [kind]);
  const required = kind === 'requestChanges' || kind === 'reject';
  const future =
    post?.publishAt !== null && post?.publishAt !== undefined && Date.parse(post.publishAt) > Date.now();
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind === null ? '' : t(`publishing.review.${kind}Title`)}
      centered
    >
      {kind === null ? null : (
        <Stack>
          {kind === 'approve' ? (
            <Text size="sm">
              {future && scheduledFor !== null
                ? t('publishing.review.approveSchedules', { date: scheduledFor })
                : t('publishing.review.approveNoTime')}
            </Text>
          ) : null}
          <Textarea
            label={required ? t('publishing.review.comment') : t('publishing.review.commentOptional')}
            description={required ? t('publishing.review.commentHint') : undefined}
            required={required}
            autosize
            minRows={3}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color={kind === 'approve' ? 'teal' : kind === 'reject' ? 'red' : 'orange'}
              disabled={required && comment.trim() === ''}
              loading={busy}
              onClick={() => onSubmit(kind, comment)}
            >
              {t(`publishing.actions.${kind}`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
