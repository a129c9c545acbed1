import { Group, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { canChangeScoring } from './permissions';
import { ScoringSettingsButton } from './ScoringSettings';

export const COMMUNITY_TABS = ['people', 'merges', 'pipeline'] as const;
type CommunityTab = (typeof COMMUNITY_TABS)[number];

const tabOf = (pathname: string, base: string): CommunityTab => {
  const rest = pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? '';
  return (COMMUNITY_TABS as readonly string[]).includes(rest) ? (rest as CommunityTab) : 'people';
};

/** Community: the people, the merge suggestions and the relationship pipeline, one tab each. */
export function CommunityLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const workspace = useCurrentWorkspace();
  const base = `/w/${workspace.id}/community`;
  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>{t('nav.community')}</Title>
        {canChangeScoring(workspace.role) ? <ScoringSettingsButton /> : null}
      </Group>
      <Tabs
        value={tabOf(pathname, base)}
        onChange={(tab) => void navigate(tab === 'people' || tab === null ? base : `${base}/${tab}`)}
      >
        <Tabs.List>
          {COMMUNITY_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`community.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
