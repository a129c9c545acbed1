import { Button, Group, Paper, Select, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembersQuery } from '../members/members.queries';
import { fromLocalInput, toLocalInput } from '../lib/zoned-time';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import {
  RELATIONSHIP_STAGES,
  type PersonChanges,
  type PersonDetail,
  type RelationshipStage,
} from './community.api';
import { useUpdatePerson } from './community.queries';
import { cleanTags, isStage } from './community-view';

interface RelationshipValues {
  stage: RelationshipStage;
  nextStep: string;
  /** A datetime-local value in the workspace's zone; '' for no date. */
  due: string;
  ownerId: string;
  tags: string[];
}

const valuesOf = (person: PersonDetail, timeZone: string): RelationshipValues => ({
  stage: person.stage,
  nextStep: person.nextStep ?? '',
  due: person.nextStepDue === null ? '' : toLocalInput(person.nextStepDue, timeZone),
  ownerId: person.ownerId ?? '',
  tags: person.tags,
});

/** The relationship: stage, next step and its date (shown in Today), owner and tags. Readers see it only. */
export function RelationshipForm({ person, canEdit }: { person: PersonDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const members = useMembersQuery(workspace.id);
  const save = useUpdatePerson(workspace.id, person.id);
  const [values, setValues] = useState(() => valuesOf(person, workspace.timeZone));
  const [dueError, setDueError] = useState<string | null>(null);
  const set = (changes: Partial<RelationshipValues>): void => setValues((old) => ({ ...old, ...changes }));
  const memberOptions = (members.data ?? []).map((member) => ({ value: member.userId, label: member.name }));
  if (values.ownerId !== '' && !memberOptions.some((option) => option.value === values.ownerId)) {
    memberOptions.push({ value: values.ownerId, label: t('community.relationship.formerMember') });
  }

  const submit = (): void => {
    const due = values.due.trim() === '' ? null : fromLocalInput(values.due, workspace.timeZone);
    if (values.due.trim() !== '' && due === null) {
      setDueError(t('community.relationship.badDate'));
      return;
    }
    setDueError(null);
    const changes: PersonChanges = {
      stage: values.stage,
      nextStep: values.nextStep.trim() === '' ? null : values.nextStep.trim(),
      nextStepDue: due,
      ownerId: values.ownerId === '' ? null : values.ownerId,
      tags: cleanTags(values.tags),
    };
    save.mutate(changes, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('community.relationship.saved') }),
    });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack
        component="form"
        gap="xs"
        aria-label={t('community.relationship.title')}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Title order={2} size="h4">
          {t('community.relationship.title')}
        </Title>
        <Select
          label={t('community.relationship.stage')}
          value={values.stage}
          allowDeselect={false}
          disabled={!canEdit}
          onChange={(value) => set({ stage: isStage(value) ? value : values.stage })}
          data={RELATIONSHIP_STAGES.map((stage) => ({ value: stage, label: t(`community.stages.${stage}`) }))}
        />
        <TextInput
          label={t('community.relationship.nextStep')}
          placeholder={t('community.relationship.nextStepPlaceholder')}
          value={values.nextStep}
          maxLength={500}
          disabled={!canEdit}
          onChange={(event) => set({ nextStep: event.currentTarget.value })}
        />
        <TextInput
          type="datetime-local"
          label={t('community.relationship.due')}
          description={t('community.relationship.dueHelp', { timeZone: workspace.timeZone })}
          value={values.due}
          disabled={!canEdit}
          error={dueError}
          onChange={(event) => set({ due: event.currentTarget.value })}
        />
        <Select
          label={t('community.relationship.owner')}
          placeholder={t('community.relationship.noOwner')}
          value={values.ownerId === '' ? null : values.ownerId}
          clearable
          disabled={!canEdit}
          onChange={(value) => set({ ownerId: value ?? '' })}
          data={memberOptions}
        />
        <TagsInput
          label={t('community.relationship.tags')}
          value={values.tags}
          disabled={!canEdit}
          onChange={(tags) => set({ tags })}
          maxTags={30}
          clearable
        />
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('community.relationship.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
