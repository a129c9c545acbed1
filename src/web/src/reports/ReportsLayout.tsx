import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentWorkspace } from '../workspaces/workspace-context';

export const REPORT_TABS = ['dashboards', 'generate', 'schedules'] as const;
type ReportTab = (typeof REPORT_TABS)[number];

const tabOf = (pathname: string, base: string): ReportTab => {
  const rest = pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? '';
  return (REPORT_TABS as readonly string[]).includes(rest) ? (rest as ReportTab) : 'dashboards';
};

/** Reports: dashboards per capability, generating a report, and scheduled delivery, one tab each. */
export function ReportsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const workspace = useCurrentWorkspace();
  const base = `/w/${workspace.id}/reports`;
  return (
    <Stack>
      <Title order={1}>{t('reports.title')}</Title>
      <Tabs
        value={tabOf(pathname, base)}
        onChange={(tab) => void navigate(tab === 'dashboards' || tab === null ? base : `${base}/${tab}`)}
      >
        <Tabs.List>
          {REPORT_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`reports.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
