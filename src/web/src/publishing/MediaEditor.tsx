import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { useUiLanguage } from '../i18n/use-ui-language';
import { IMAGE_TYPES, MAX_IMAGES, fileToBase64, formatBytes, imageProblem, type ImageProblem } from './media';
import type { Post, PostMedia } from './posts.api';
import { useAddMedia, useChangeMediaAlt, useRemoveMedia } from './posts.queries';

interface MediaEditorProps {
  workspaceId: string;
  post: Post | null;
  /** Images can change only before the post is scheduled. */
  editable: boolean;
  /** Saves the draft first: an image is attached to a saved post. */
  ensureSaved: () => Promise<Post | null>;
}

/** The post's images (at most 4), each with its alt text, which is required: people who cannot see it read it. */
export function MediaEditor({ workspaceId, post, editable, ensureSaved }: MediaEditorProps) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const media = post?.media ?? [];
  const [pending, setPending] = useState<File | null>(null);
  const [problem, setProblem] = useState<ImageProblem | null>(null);

  const choose = (file: File | null): void => {
    if (file === null) {
      return;
    }
    const found = imageProblem(file, media.length);
    setProblem(found);
    setPending(found === null ? file : null);
  };

  return (
    <Stack gap="xs" component="section" aria-label={t('publishing.media.title')}>
      <Group justify="space-between">
        <Text fw={500} size="sm">
          {t('publishing.media.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('publishing.media.count', { count: media.length, max: MAX_IMAGES })}
        </Text>
      </Group>
      {media.map((image) => (
        <AttachedImage
          key={image.id}
          workspaceId={workspaceId}
          postId={post?.id ?? ''}
          image={image}
          editable={editable}
          language={language}
        />
      ))}
      {pending === null ? null : (
        <PendingImage
          workspaceId={workspaceId}
          file={pending}
          ensureSaved={ensureSaved}
          onDone={() => setPending(null)}
        />
      )}
      {problem === null ? null : (
        <Alert
          color="red"
          role="alert"
          withCloseButton
          onClose={() => setProblem(null)}
          closeButtonLabel={t('common.close')}
        >
          {t(`publishing.media.problems.${problem}`, { max: MAX_IMAGES })}
        </Alert>
      )}
      {editable && pending === null && media.length < MAX_IMAGES ? (
        <Group>
          <FileButton onChange={choose} accept={IMAGE_TYPES.join(',')}>
            {(props) => (
              <Button variant="light" size="xs" {...props}>
                {t('publishing.media.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('publishing.media.hint')}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}

function AttachedImage({
  workspaceId,
  postId,
  image,
  editable,
  language,
}: {
  workspaceId: string;
  postId: string;
  image: PostMedia;
  editable: boolean;
  language: string;
}) {
  const { t } = useTranslation();
  const change = useChangeMediaAlt(workspaceId, postId);
  const remove = useRemoveMedia(workspaceId, postId);
  const [alt, setAlt] = useState(image.altText);
  useEffect(() => setAlt(image.altText), [image.altText]);
  const changed = alt.trim() !== '' && alt.trim() !== image.altText;
  return (
    <Paper withBorder p="xs" radius="md">
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('publishing.media.altOf', { position: image.position + 1 })}
          description={`${image.mimeType.replace('image/', '').toUpperCase()} · ${formatBytes(image.bytes, language)}`}
          value={alt}
          readOnly={!editable}
          error={alt.trim() === '' ? t('publishing.media.altRequired') : undefined}
          onChange={(event) => setAlt(event.currentTarget.value)}
        />
        {editable ? (
          <>
            <Button
              size="xs"
              variant="default"
              disabled={!changed}
              loading={change.isPending}
              onClick={() => change.mutate({ mediaId: image.id, altText: alt.trim() })}
            >
              {t('common.save')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              loading={remove.isPending}
              onClick={() => remove.mutate(image.id)}
            >
              {t('publishing.media.remove')}
            </Button>
          </>
        ) : null}
      </Group>
    </Paper>
  );
}

function PendingImage({
  workspaceId,
  file,
  ensureSaved,
  onDone,
}: {
  workspaceId: string;
  file: File;
  ensureSaved: () => Promise<Post | null>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [needsText, setNeedsText] = useState(false);
  const [busy, setBusy] = useState(false);
  const add = useAddMedia(workspaceId);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);

  const attach = async (): Promise<void> => {
    setFailure(null);
    setNeedsText(false);
    setBusy(true);
    try {
      const saved = await ensureSaved();
      if (saved === null) {
        setNeedsText(true);
        return;
      }
      await add.mutateAsync({
        postId: saved.id,
        mimeType: file.type,
        dataBase64: await fileToBase64(file),
        altText: alt.trim(),
      });
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xs" radius="md">
      <Group align="flex-start" wrap="nowrap">
        {url === null ? null : <Image src={url} alt="" w={96} h={96} fit="cover" radius="sm" />}
        <Stack gap="xs" style={{ flex: 1 }}>
          <Textarea
            label={t('publishing.media.alt')}
            description={t('publishing.media.altHint')}
            required
            autosize
            minRows={2}
            value={alt}
            onChange={(event) => setAlt(event.currentTarget.value)}
          />
          {needsText ? (
            <Alert color="orange" role="alert">
              {t('publishing.media.writeFirst')}
            </Alert>
          ) : null}
          <FormError error={failure} />
          <Group justify="flex-end">
            <Button size="xs" variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" disabled={alt.trim() === ''} loading={busy} onClick={() => void attach()}>
              {t('publishing.media.attach')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
