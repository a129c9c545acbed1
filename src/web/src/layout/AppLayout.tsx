import { AppShell, Burger, Group, useMatches } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { UserControls } from './UserControls';

interface AppLayoutProps {
  /** The open workspace; without one there is no navigation bar. */
  workspaceId?: string;
  children: ReactNode;
}

/** The frame of signed-in pages: header on top, the workspace's navigation on the left. */
export function AppLayout({ workspaceId, children }: AppLayoutProps) {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const withNav = workspaceId !== undefined;
  const phone = useMatches({ base: true, sm: false });
  // Rendered in one place only (not hidden by CSS), so each control exists once on the page.
  const userControlsInNav = withNav && phone;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={withNav ? { width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpened } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" wrap="nowrap">
          {withNav ? (
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
          ) : null}
          <AppHeader workspaceId={workspaceId} withUserControls={!userControlsInNav} />
        </Group>
      </AppShell.Header>
      {withNav ? (
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <AppShell.Section grow>
            <MainNav workspaceId={workspaceId} onNavigate={closeNav} />
          </AppShell.Section>
          {userControlsInNav ? (
            <AppShell.Section pt="md">
              <UserControls />
            </AppShell.Section>
          ) : null}
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
