import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { useSavedQueries } from '../listening.queries';
import { useSaveCompetitor } from '../trends/insights.queries';
import { badAccountLines, inputOf, type CompetitorFormValues } from './competitor-form';

interface CompetitorModalProps {
  opened: boolean;
  onClose: () => void;
  /** The competitor edited; null adds one. */
  competitorId: string | null;
  initial: CompetitorFormValues;
}

/** Add or edit a competitor: name, accounts (network:handle, one per line), and a saved query or query text. */
export function CompetitorModal({ opened, onClose, competitorId, initial }: CompetitorModalProps) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const queries = useSavedQueries(workspace.id);
  const save = useSaveCompetitor(workspace.id);
  const [values, setValues] = useState<CompetitorFormValues>(initial);
  useEffect(() => {
    if (opened) {
      setValues(initial);
      save.reset();
    }
    // Reset only when the dialog opens (initial is rebuilt on each render of the page).
  }, [opened]);
  const set = <K extends keyof CompetitorFormValues>(key: K, value: CompetitorFormValues[K]): void =>
    setValues((current) => ({ ...current, [key]: value }));
  const badLines = badAccountLines(values.accounts);
  const submit = (): void => {
    save.mutate({ id: competitorId, input: inputOf(values) }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={competitorId === null ? t('insights.competitors.addTitle') : t('insights.competitors.editTitle')}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('insights.competitors.name')}
            required
            maxLength={200}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
          />
          <Textarea
            label={t('insights.competitors.accounts')}
            description={t('insights.competitors.accountsHelp')}
            autosize
            minRows={2}
            value={values.accounts}
            onChange={(event) => set('accounts', event.currentTarget.value)}
            error={
              badLines.length > 0
                ? t('insights.competitors.badAccounts', { lines: badLines.join(', ') })
                : undefined
            }
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('insights.competitors.querySource')}
            </Text>
            <SegmentedControl
              value={values.source}
              onChange={(value) => set('source', value)}
              data={(['saved', 'text', 'none'] as const).map((source) => ({
                value: source,
                label: t(`insights.competitors.source.${source}`),
              }))}
            />
          </Stack>
          {values.source === 'saved' ? (
            <Select
              label={t('insights.competitors.savedQuery')}
              data={(queries.data ?? []).map((query) => ({ value: query.id, label: query.name }))}
              value={values.queryId}
              onChange={(value) => set('queryId', value)}
              required
            />
          ) : null}
          {values.source === 'text' ? (
            <Textarea
              label={t('insights.competitors.queryText')}
              description={t('insights.competitors.queryTextHelp')}
              autosize
              minRows={2}
              value={values.query}
              onChange={(event) => set('query', event.currentTarget.value)}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
          ) : null}
          <FormError error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={badLines.length > 0 || values.name.trim() === ''}
            >
              {t('insights.competitors.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
