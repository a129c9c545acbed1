import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { checkText } from '../guardrails/check.api';
import { FindingList } from '../guardrails/FindingList';
import { newDraftKey } from './draft-key';
import { REPLY_VARIABLES } from './inbox.api';
import { useAddNote, useSavedReplies, useSendReply } from './inbox.queries';
import { replyBlockOf, withPassages, type ReplyBlock } from './reply-block';

interface ReplyBoxProps {
  workspaceId: string;
  conversationId: string;
  /** What the reply answers, the account it goes from: a refused reply is checked again with them to show passages. */
  context: { replyTo: string | null; network: string; accountId: string | null };
}

/** Answer (through the guardrails, once per draft) or leave an internal note; a saved reply fills the text. */
export function ReplyBox({ workspaceId, conversationId, context }: ReplyBoxProps) {
  const { t } = useTranslation();
  const savedReplies = useSavedReplies(workspaceId);
  const reply = useSendReply(workspaceId, conversationId);
  const note = useAddNote(workspaceId, conversationId);
  const [text, setText] = useState('');
  const [savedReplyId, setSavedReplyId] = useState<string | null>(null);
  const [block, setBlock] = useState<ReplyBlock | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // One key per draft: kept across clicks on the same text, renewed when the text changes.
  const draftKey = useRef<string | null>(null);
  const busy = reply.isPending || note.isPending;
  const empty = text.trim() === '';

  const edit = (next: string): void => {
    setText(next);
    draftKey.current = null;
  };
  const reset = (): void => {
    edit('');
    setSavedReplyId(null);
    setBlock(null);
    setFailure(null);
  };

  const send = (then?: 'closed'): void => {
    draftKey.current ??= newDraftKey();
    setFailure(null);
    reply.mutate(
      {
        text,
        ...(savedReplyId === null ? {} : { savedReplyId }),
        idempotencyKey: draftKey.current,
        ...(then === undefined ? {} : { then }),
      },
      {
        onSuccess: ({ message }) => {
          reset();
          notifications.show(
            message.status === 'sent' || message.status === 'sending'
              ? { color: 'teal', message: t('inbox.reply.sent') }
              : { color: 'orange', message: t('inbox.reply.sentFailed') },
          );
        },
        onError: (error) => {
          const found = replyBlockOf(error);
          setBlock(found);
          setFailure(found === null ? error : null);
          if (found !== null) {
            void showPassages(found, text);
          }
        },
      },
    );
  };

  // The refusal names rules only; the check API gives the flagged words too.
  const showPassages = async (found: ReplyBlock, checked: string): Promise<void> => {
    try {
      const result = await checkText({
        workspaceId,
        text: checked,
        language: 'auto',
        ...(context.replyTo === null ? {} : { replyTo: context.replyTo }),
        ...(context.network === 'bluesky' || context.network === 'mastodon'
          ? { network: context.network }
          : {}),
        ...(context.accountId === null ? {} : { accountId: context.accountId }),
      });
      setBlock((current) => (current === found ? withPassages(found, result) : current));
    } catch {
      // The refusal's own findings stay shown.
    }
  };

  const addNote = (): void => {
    setFailure(null);
    note.mutate(text.trim(), {
      onSuccess: () => {
        reset();
        notifications.show({ color: 'teal', message: t('inbox.reply.noted') });
      },
      onError: setFailure,
    });
  };

  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={t('inbox.reply.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Select
        size="xs"
        label={t('inbox.reply.savedReply')}
        placeholder={
          (savedReplies.data?.length ?? 0) === 0
            ? t('inbox.reply.noSavedReplies')
            : t('inbox.reply.savedReplyPlaceholder')
        }
        data={(savedReplies.data ?? []).map((saved) => ({ value: saved.id, label: saved.name }))}
        value={savedReplyId}
        searchable
        clearable
        onChange={(id) => {
          const saved = savedReplies.data?.find((item) => item.id === id);
          setSavedReplyId(saved?.id ?? null);
          if (saved) {
            edit(saved.text);
          }
        }}
      />
      <Textarea
        label={t('inbox.reply.label')}
        placeholder={t('inbox.reply.placeholder')}
        description={t('inbox.reply.variablesHint', { variables: REPLY_VARIABLES })}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={5_000}
        value={text}
        onChange={(event) => edit(event.currentTarget.value)}
      />
      {block ? (
        <Alert color="red" title={t('inbox.reply.blocked')} role="alert" data-testid="reply-blocked">
          <Stack gap="xs">
            <Text size="sm">{t('inbox.reply.blockedHint')}</Text>
            <FindingList findings={block.findings} canApply={false} onApply={() => undefined} />
          </Stack>
        </Alert>
      ) : null}
      <FormError error={failure} />
      <Group gap="xs">
        <Button
          size="sm"
          loading={reply.isPending && reply.variables.then === undefined}
          disabled={empty || busy}
          onClick={() => send()}
        >
          {t('inbox.reply.send')}
        </Button>
        <Button
          size="sm"
          variant="light"
          loading={reply.isPending && reply.variables.then === 'closed'}
          disabled={empty || busy}
          onClick={() => send('closed')}
        >
          {t('inbox.reply.sendAndClose')}
        </Button>
        <Button
          size="sm"
          variant="default"
          color="yellow"
          loading={note.isPending}
          disabled={empty || busy}
          onClick={addNote}
        >
          {t('inbox.reply.addNote')}
        </Button>
      </Group>
    </Stack>
  );
}
