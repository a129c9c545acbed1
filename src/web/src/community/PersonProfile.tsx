import { Anchor, Avatar, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { LevelBadge, StageBadge } from './badges';
import type { PersonDetail } from './community.api';
import { handleText, personName, safeLink } from './community-view';

/** Who the person is: name, bio, links, languages, and each of their identities with its followers. */
export function PersonProfile({ person }: { person: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const name = personName(person);
  const links = person.links.flatMap((link) => {
    const href = safeLink(link);
    return href === null ? [] : [href];
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar name={name} color="initials" size="lg" />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            <Group gap={6}>
              <StageBadge stage={person.stage} />
              <LevelBadge level={person.scores.engagementLevel} />
              {person.tags.map((tag) => (
                <Badge key={tag} variant="outline" size="sm" color="gray">
                  #{tag}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        {person.bio !== null && person.bio.trim() !== '' ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="bio">
            {person.bio}
          </Text>
        ) : null}
        {links.length > 0 ? (
          <Stack gap={2} aria-label={t('community.person.links')}>
            {links.map((href) => (
              <Anchor
                key={href}
                href={href}
                target="_blank"
                rel="noopener noreferrer nofollow"
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {href}
              </Anchor>
            ))}
          </Stack>
        ) : null}
        <Group gap="lg">
          <Text size="xs" c="dimmed">
            {t('community.person.firstSeen', {
              date: formatDate(person.firstSeenAt, i18n.language, workspace.timeZone),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('community.person.lastSeen', {
              date: formatDate(person.lastSeenAt, i18n.language, workspace.timeZone),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('community.person.activityCount', { count: person.activityCount })}
          </Text>
        </Group>
        {person.languages.length > 0 ? (
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t('community.person.languages')}
            </Text>
            {person.languages.map((language) => (
              <Badge key={language} variant="light" size="xs" color="gray">
                {language}
              </Badge>
            ))}
          </Group>
        ) : null}
        <Title order={3} size="h5">
          {t('community.person.identities')}
        </Title>
        <Table aria-label={t('community.person.identities')} withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('community.person.network')}</Table.Th>
              <Table.Th>{t('community.person.handle')}</Table.Th>
              <Table.Th ta="right">{t('community.person.followers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.identities.map((identity) => (
              <Table.Tr key={identity.id} data-testid="identity">
                <Table.Td>{identity.network}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {handleText(identity)}{' '}
                  {identity.verified ? (
                    <Badge size="xs" variant="light" color="teal">
                      {t('community.person.verified')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">
                  {identity.followers === null
                    ? '—'
                    : new Intl.NumberFormat(i18n.language).format(identity.followers)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
