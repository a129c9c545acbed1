/** The form of a workspace's name, time zone and languages, shared by setup, creation and settings. */
import { useForm } from '@mantine/form';
import type { WorkspaceInput } from '../api/types';
import i18n from '../i18n/i18n';
import { browserTimeZone } from '../lib/time-zones';

export const WORKSPACE_FIELDS = ['name', 'timeZone', 'languages'] as const;

/** Client-side checks; the server checks again and its field errors land on the same inputs. */
export const workspaceRules = {
  name: (value: string) => (value.trim() === '' ? i18n.t('validation.required') : null),
  timeZone: (value: string) => (value === '' ? i18n.t('validation.required') : null),
  languages: (value: string[]) => (value.length === 0 ? i18n.t('validation.languages') : null),
};

export const useWorkspaceForm = (initialValues: WorkspaceInput) =>
  useForm<WorkspaceInput>({ mode: 'controlled', initialValues, validate: workspaceRules });

export type WorkspaceForm = ReturnType<typeof useWorkspaceForm>;

/** A new workspace's starting values: the browser's time zone and the interface language. */
export const newWorkspaceValues = (language: string, name = ''): WorkspaceInput => ({
  name,
  timeZone: browserTimeZone(),
  languages: [language],
});
