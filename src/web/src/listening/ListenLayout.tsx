import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentWorkspace } from '../workspaces/workspace-context';

export const LISTEN_TABS = ['mentions', 'queries', 'sources', 'alerts', 'trends', 'competitors'] as const;
type ListenTab = (typeof LISTEN_TABS)[number];

const tabOf = (pathname: string, base: string): ListenTab => {
  const rest = pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? '';
  return (LISTEN_TABS as readonly string[]).includes(rest) ? (rest as ListenTab) : 'mentions';
};

/** Listen: the mentions stream, saved queries, sources, alerts, trends and competitors, one tab each. */
export function ListenLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const workspace = useCurrentWorkspace();
  const base = `/w/${workspace.id}/listen`;
  return (
    <Stack>
      <Title order={1}>{t('nav.listen')}</Title>
      <Tabs
        value={tabOf(pathname, base)}
        onChange={(tab) => void navigate(tab === 'mentions' || tab === null ? base : `${base}/${tab}`)}
      >
        <Tabs.List>
          {LISTEN_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`listening.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
