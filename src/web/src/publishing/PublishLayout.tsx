import { Badge, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { PROBLEM_STATUSES, REVIEW_STATUSES } from './post-lists';
import { usePostsQuery } from './posts.queries';

export const PUBLISH_TABS = ['compose', 'calendar', 'drafts', 'review', 'problems'] as const;
type PublishTab = (typeof PUBLISH_TABS)[number];

const tabOf = (pathname: string, base: string): PublishTab => {
  const rest = pathname.slice(base.length).replace(/^\//, '').split('/')[0] ?? '';
  return (PUBLISH_TABS as readonly string[]).includes(rest) ? (rest as PublishTab) : 'compose';
};

/** Publish: the composer, the calendar and the lists of posts that need someone, one tab each. */
export function PublishLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const workspace = useCurrentWorkspace();
  const base = `/w/${workspace.id}/publish`;
  const review = usePostsQuery(workspace.id, { statuses: REVIEW_STATUSES });
  const problems = usePostsQuery(workspace.id, { statuses: PROBLEM_STATUSES });
  const counts: Partial<Record<PublishTab, number>> = {
    review: review.data?.length ?? 0,
    problems: problems.data?.length ?? 0,
  };
  return (
    <Stack>
      <Title order={1}>{t('nav.publish')}</Title>
      <Tabs
        value={tabOf(pathname, base)}
        onChange={(tab) => void navigate(tab === 'compose' || tab === null ? base : `${base}/${tab}`)}
      >
        <Tabs.List>
          {PUBLISH_TABS.map((tab) => (
            <Tabs.Tab
              key={tab}
              value={tab}
              rightSection={
                (counts[tab] ?? 0) > 0 ? (
                  <Badge size="xs" circle color={tab === 'problems' ? 'red' : 'yellow'}>
                    {counts[tab]}
                  </Badge>
                ) : null
              }
            >
              {t(`publishing.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
