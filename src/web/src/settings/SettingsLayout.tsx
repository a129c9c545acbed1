import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentWorkspace } from '../workspaces/workspace-context';

export const SETTINGS_TABS = [
  'workspace',
  'accounts',
  'voice',
  'dictionary',
  'facts',
  'members',
  'tokens',
  'audit',
] as const;

/** Settings: one tab per page, the page below. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const workspace = useCurrentWorkspace();
  const current = SETTINGS_TABS.find((tab) => pathname.endsWith(`/settings/${tab}`)) ?? null;

  return (
    <Stack maw={1000}>
      <Title order={1}>{t('settings.title')}</Title>
      <Tabs
        value={current}
        onChange={(tab) => {
          if (tab !== null) {
            void navigate(`/w/${workspace.id}/settings/${tab}`);
          }
        }}
      >
        <Tabs.List>
          {SETTINGS_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`settings.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
