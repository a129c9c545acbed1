import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { ScoringSettings } from './community.api';
import { useScoring, useUpdateScoring } from './community.queries';
import { activityTypeLabel } from './labels';
import { scoringBody, scoringProblems, scoringValues, weightTypes, type ScoringValues } from './scoring-form';

/** The button of the community header that opens the scoring settings ('community.settings'). */
export function ScoringSettingsButton() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [opened, { open, close }] = useDisclosure(false);
  const scoring = useScoring(workspace.id, opened);
  return (
    <>
      <Button variant="default" size="xs" onClick={open}>
        {t('community.scoring.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('community.scoring.title')} size="lg">
        {scoring.isError ? <QueryError error={scoring.error} /> : null}
        {scoring.data === undefined ? (
          scoring.isError ? null : (
            <TableSkeleton rows={4} />
          )
        ) : (
          <ScoringForm workspaceId={workspace.id} settings={scoring.data} onSaved={close} />
        )}
      </Modal>
    </>
  );
}

function ScoringForm({
  workspaceId,
  settings,
  onSaved,
}: {
  workspaceId: string;
  settings: ScoringSettings;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useUpdateScoring(workspaceId);
  const [values, setValues] = useState<ScoringValues>(() => scoringValues(settings));
  const [submitted, setSubmitted] = useState(false);
  const problems = scoringProblems(values);
  const problem = (field: string): string | undefined => {
    const found = submitted ? problems[field] : undefined;
    return found === undefined ? undefined : t(`community.scoring.problem.${found}`);
  };
  const set = (changes: Partial<ScoringValues>): void => setValues((old) => ({ ...old, ...changes }));

  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('community.scoring.title')}
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (Object.keys(problems).length === 0) {
          save.mutate(scoringBody(values), {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('community.scoring.saved') });
              onSaved();
            },
          });
        }
      }}
    >
      <Text size="sm" c="dimmed">
        {t('community.scoring.intro')}
      </Text>
      <Title order={3} size="h5">
        {t('community.scoring.weights')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {weightTypes(settings.weights).map((type) => (
          <NumberInput
            key={type}
            size="xs"
            min={0}
            decimalScale={2}
            label={activityTypeLabel(t, type)}
            value={values.weights[type] ?? ''}
            onChange={(value) => set({ weights: { ...values.weights, [type]: value } })}
            error={problem(`weight.${type}`)}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="xs">
        <NumberInput
          size="xs"
          min={0}
          max={1}
          step={0.05}
          decimalScale={3}
          label={t('community.scoring.monthlyDecay')}
          description={t('community.scoring.monthlyDecayHelp')}
          value={values.monthlyDecay}
          onChange={(value) => set({ monthlyDecay: value })}
          error={problem('monthlyDecay')}
        />
        <NumberInput
          size="xs"
          min={0}
          decimalScale={2}
          label={t('community.scoring.monthlyCap')}
          description={t('community.scoring.monthlyCapHelp')}
          value={values.monthlyCap}
          onChange={(value) => set({ monthlyCap: value })}
          error={problem('monthlyCap')}
        />
      </SimpleGrid>
      <Title order={3} size="h5">
        {t('community.scoring.levels')}
      </Title>
      <SimpleGrid cols={3} spacing="xs">
        {(['participating', 'contributing', 'leading'] as const).map((level) => (
          <NumberInput
            key={level}
            size="xs"
            min={0}
            decimalScale={2}
            label={t('community.scoring.levelFrom', { level: t(`community.levels.${level}`) })}
            value={values[level]}
            onChange={(value) => set({ [level]: value })}
            error={problem(level)}
          />
        ))}
      </SimpleGrid>
      <FormError error={save.error} />
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          {t('community.scoring.save')}
        </Button>
      </Group>
    </Stack>
  );
}
