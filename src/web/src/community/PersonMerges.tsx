import {
  Button,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../components/QueryError';
import { formatDateTime } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { IdentityHandles } from './badges';
import type { PersonDetail, PersonSummary } from './community.api';
import { useMergePeople, usePeopleSearch, useUndoMerge } from './community.queries';
import { personName } from './community-view';
import { mergeReasonLabel } from './labels';

/** The people merged into this one (each can be undone), and a manual merge with someone else. */
export function PersonMerges({ person, canEdit }: { person: PersonDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const undo = useUndoMerge(workspace.id);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('community.merges.personTitle')}
          </Title>
          {canEdit ? <MergeWith person={person} /> : null}
        </Group>
        {person.merges.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('community.merges.none')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('community.merges.personTitle')}
          >
            {person.merges.map((merge) => (
              <li key={merge.id} data-testid="past-merge">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {merge.mergedName ?? t('community.merges.unnamed')}
                    </Text>
                    {merge.reasons.length > 0 ? (
                      <List size="xs" spacing={0}>
                        {merge.reasons.map((reason, index) => (
                          <List.Item key={`${index}-${reason.code}`}>
                            {mergeReasonLabel(t, reason.code)}
                            {reason.detail !== '' ? ` — ${reason.detail}` : ''}
                          </List.Item>
                        ))}
                      </List>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {merge.undoneAt === null
                        ? t('community.merges.mergedOn', {
                            date: formatDateTime(merge.createdAt, i18n.language, workspace.timeZone),
                          })
                        : t('community.merges.undoneOn', {
                            date: formatDateTime(merge.undoneAt, i18n.language, workspace.timeZone),
                          })}
                    </Text>
                  </Stack>
                  {canEdit && merge.undoneAt === null ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={undo.isPending && undo.variables === merge.id}
                      onClick={() =>
                        undo.mutate(merge.id, {
                          onSuccess: () =>
                            notifications.show({ color: 'teal', message: t('community.merges.undone') }),
                        })
                      }
                    >
                      {t('community.merges.undo')}
                    </Button>
                  ) : null}
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** "Merge with…": search someone, then confirm; the other person's identities and history come here. */
function MergeWith({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [opened, { open, close }] = useDisclosure(false);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const results = usePeopleSearch(workspace.id, debounced);
  const merge = useMergePeople(workspace.id, person.id);
  const candidates = (results.data?.people ?? []).filter((other) => other.id !== person.id);
  const reset = (): void => {
    setQ('');
    setChosen(null);
    close();
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={open}>
        {t('community.merges.mergeWith')}
      </Button>
      <Modal
        opened={opened}
        onClose={reset}
        title={t('community.merges.mergeWithTitle', { name: personName(person) })}
      >
        {chosen === null ? (
          <Stack gap="xs">
            <TextInput
              label={t('community.merges.searchPerson')}
              value={q}
              data-autofocus
              onChange={(event) => setQ(event.currentTarget.value)}
            />
            {results.isError ? <QueryError error={results.error} /> : null}
            {debounced.trim() !== '' && results.data !== undefined && candidates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('community.merges.noMatch')}
              </Text>
            ) : null}
            <Stack
              component="ul"
              gap={4}
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('community.merges.candidates')}
            >
              {candidates.map((other) => (
                <li key={other.id}>
                  <UnstyledButton
                    onClick={() => setChosen(other)}
                    p={6}
                    w="100%"
                    style={{ borderRadius: 6 }}
                    aria-label={personName(other)}
                  >
                    <Text size="sm" fw={500}>
                      {personName(other)}
                    </Text>
                    <IdentityHandles identities={other.identities} />
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">
              {t('community.merges.confirmManual', { kept: personName(person), other: personName(chosen) })}
            </Text>
            <IdentityHandles identities={chosen.identities} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)}>
                {t('community.merges.back')}
              </Button>
              <Button
                loading={merge.isPending}
                onClick={() =>
                  merge.mutate(chosen.id, {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', message: t('community.merges.merged') });
                      reset();
                    },
                  })
                }
              >
                {t('community.merges.confirmMerge')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
