import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { SECTIONS } from '../pages/sections';

const NAV_ITEMS = [...SECTIONS, 'settings'] as const;

/** The workspace's sections, the current one highlighted. */
export function MainNav({ workspaceId, onNavigate }: { workspaceId: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="nav">
      {NAV_ITEMS.map((item) => {
        const base = `/w/${workspaceId}/${item}`;
        const to = item === 'settings' ? `${base}/workspace` : base;
        const active = pathname === base || pathname.startsWith(`${base}/`);
        return (
          <NavLink
            key={item}
            component={Link}
            to={to}
            label={t(`nav.${item}`)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}
