import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguagesSelect } from '../components/LanguagesSelect';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import type { WorkspaceForm } from './workspace-form';

interface WorkspaceFieldsProps {
  form: WorkspaceForm;
  disabled?: boolean;
  /** Label of the name input ("Workspace name" where other names are asked too). */
  nameLabel?: string;
}

/** Name, time zone and languages inputs bound to a workspace form. */
export function WorkspaceFields({ form, disabled = false, nameLabel }: WorkspaceFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TextInput
        label={nameLabel ?? t('fields.workspaceName')}
        required
        disabled={disabled}
        key={form.key('name')}
        {...form.getInputProps('name')}
      />
      <TimeZoneSelect
        required
        disabled={disabled}
        key={form.key('timeZone')}
        {...form.getInputProps('timeZone')}
      />
      <LanguagesSelect
        required
        disabled={disabled}
        key={form.key('languages')}
        {...form.getInputProps('languages')}
      />
    </Stack>
  );
}
