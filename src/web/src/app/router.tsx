/** Every route of the app. Signed-in pages sit below RequireSession, workspace pages below WorkspaceLayout. */
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { AccountsPage } from '../accounts/AccountsPage';
import { AuditPage } from '../audit/AuditPage';
import { DictionaryPage } from '../house-style/DictionaryPage';
import { FactsPage } from '../house-style/FactsPage';
import { VoiceSettingsPage } from '../house-style/VoiceSettingsPage';
import { InboxPage } from '../inbox/InboxPage';
import { CommunityLayout } from '../community/CommunityLayout';
import { MergesPage } from '../community/MergesPage';
import { PeoplePage } from '../community/PeoplePage';
import { PersonPage } from '../community/PersonPage';
import { PipelinePage } from '../community/PipelinePage';
import { DashboardsPage } from '../reports/DashboardsPage';
import { ReportsLayout } from '../reports/ReportsLayout';
import { ReportsPage } from '../reports/ReportsPage';
import { SchedulesPage } from '../reports/SchedulesPage';
import { TodayPage } from '../today/TodayPage';
import { InvitePage } from '../invitations/InvitePage';
import { MembersPage } from '../members/MembersPage';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SectionPage } from '../pages/SectionPage';
import { CalendarPage } from '../publishing/CalendarPage';
import { ComposerPage } from '../publishing/ComposerPage';
import { PostListPage } from '../publishing/PostListPage';
import { PublishLayout } from '../publishing/PublishLayout';
import { AlertsPage } from '../listening/alerts/AlertsPage';
import { CompetitorsPage } from '../listening/competitors/CompetitorsPage';
import { ListenLayout } from '../listening/ListenLayout';
import { MentionsPage } from '../listening/mentions/MentionsPage';
import { QueriesPage } from '../listening/queries/QueriesPage';
import { SourcesPage } from '../listening/sources/SourcesPage';
import { TrendsPage } from '../listening/trends/TrendsPage';
import { SetupPage } from '../pages/SetupPage';
import { SignInPage } from '../pages/SignInPage';
import { SECTIONS } from '../pages/sections';
import { RequireSession } from '../session/RequireSession';
import { SettingsLayout } from '../settings/SettingsLayout';
import { WorkspaceSettingsPage } from '../settings/WorkspaceSettingsPage';
import { TokensPage } from '../tokens/TokensPage';
import { WorkspaceLayout } from '../workspaces/WorkspaceLayout';
import { RouteErrorPage } from './RouteErrorPage';
import { SetupGate } from './SetupGate';

const SECTIONS_WITH_PAGES = new Set<string>(['today', 'inbox', 'publish', 'listen', 'community', 'reports']);

export const routes: RouteObject[] = [
  {
    element: <SetupGate />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/invite/:token', element: <InvitePage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomePage /> },
          {
            path: '/w/:workspaceId',
            element: <WorkspaceLayout />,
            children: [
              { index: true, element: <Navigate to="today" replace /> },
              ...SECTIONS.filter((section) => !SECTIONS_WITH_PAGES.has(section)).map((section) => ({
                path: section,
                element: <SectionPage section={section} />,
              })),
              { path: 'today', element: <TodayPage /> },
              {
                path: 'community',
                element: <CommunityLayout />,
                children: [
                  { index: true, element: <PeoplePage /> },
                  { path: 'people/:personId', element: <PersonPage /> },
                  { path: 'merges', element: <MergesPage /> },
                  { path: 'pipeline', element: <PipelinePage /> },
                ],
              },
              {
                path: 'reports',
                element: <ReportsLayout />,
                children: [
                  { index: true, element: <DashboardsPage /> },
                  { path: 'generate', element: <ReportsPage /> },
                  { path: 'schedules', element: <SchedulesPage /> },
                ],
              },
              {
                path: 'publish',
                element: <PublishLayout />,
                children: [
                  { path: 'calendar', element: <CalendarPage /> },
                  { path: 'drafts', element: <PostListPage kind="drafts" /> },
                  { path: 'review', element: <PostListPage kind="review" /> },
                  { path: 'problems', element: <PostListPage kind="problems" /> },
                  // One route for a new post and a post: the composer stays mounted when its first save creates the post.
                  { path: ':postId?', element: <ComposerPage /> },
                ],
              },
              { path: 'inbox', element: <InboxPage /> },
              {
                path: 'listen',
                element: <ListenLayout />,
                children: [
                  { index: true, element: <MentionsPage /> },
                  { path: 'queries', element: <QueriesPage /> },
                  { path: 'sources', element: <SourcesPage /> },
                  { path: 'alerts', element: <AlertsPage /> },
                  { path: 'trends', element: <TrendsPage /> },
                  { path: 'competitors', element: <CompetitorsPage /> },
                ],
              },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="workspace" replace /> },
                  { path: 'workspace', element: <WorkspaceSettingsPage /> },
                  { path: 'accounts', element: <AccountsPage /> },
                  { path: 'voice', element: <VoiceSettingsPage /> },
                  { path: 'dictionary', element: <DictionaryPage /> },
                  { path: 'facts', element: <FactsPage /> },
                  { path: 'members', element: <MembersPage /> },
                  { path: 'tokens', element: <TokensPage /> },
                  { path: 'audit', element: <AuditPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
