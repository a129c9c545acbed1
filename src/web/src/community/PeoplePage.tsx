import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { IdentityHandles, LevelBadge, StageBadge } from './badges';
import { peopleCsvUrl, type PeopleFilter, type PersonSummary } from './community.api';
import { usePeople } from './community.queries';
import { filterFromSearch, formatScore, personName, searchOfFilter } from './community-view';
import { PeopleFilters } from './PeopleFilters';

/** The networks every listing may filter on, plus those of the people shown. */
const KNOWN_NETWORKS = ['bluesky', 'mastodon'];

/** Community › People: everyone who interacted with the brand, filtered and ranked, with the CSV export. */
export function PeoplePage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const people = usePeople(workspace.id, filter);
  const rows = people.data?.pages.flatMap((page) => page.people) ?? [];
  const networks = [
    ...new Set([...KNOWN_NETWORKS, ...rows.flatMap((p) => p.identities.map((i) => i.network))]),
  ];
  const apply = (next: PeopleFilter): void => setSearch(searchOfFilter(next), { replace: true });

  return (
    <Stack>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="xs">
          <PeopleFilters filter={filter} networks={networks} onChange={apply} />
          <Group justify="space-between" align="center">
            <Text size="sm" c="dimmed" data-testid="sort-caption">
              {t(`community.sortCaptions.${filter.sort}`)}
            </Text>
            <Button
              component="a"
              href={peopleCsvUrl(workspace.id, filter)}
              download
              variant="default"
              size="xs"
            >
              {t('community.people.exportCsv')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {people.isError ? <QueryError error={people.error} /> : null}
      {people.data === undefined ? (
        people.isError ? null : (
          <TableSkeleton rows={5} />
        )
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('community.people.empty')}</Text>
      ) : (
        <PeopleTable people={rows} />
      )}
      {people.hasNextPage ? (
        <Button
          variant="default"
          loading={people.isFetchingNextPage}
          onClick={() => void people.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

function PeopleTable({ people }: { people: PersonSummary[] }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const score = (value: number): string => formatScore(value, i18n.language);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover aria-label={t('community.people.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('community.people.name')}</Table.Th>
            <Table.Th>{t('community.people.stage')}</Table.Th>
            <Table.Th>{t('community.people.level')}</Table.Th>
            <Table.Th ta="right">{t('community.scores.engagement')}</Table.Th>
            <Table.Th ta="right">{t('community.scores.reach')}</Table.Th>
            <Table.Th ta="right">{t('community.scores.ambassador')}</Table.Th>
            <Table.Th ta="right">{t('community.scores.influencer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => {
            const to = `/w/${workspace.id}/community/people/${encodeURIComponent(person.id)}`;
            const name = personName(person);
            return (
              <Table.Tr
                key={person.id}
                aria-label={name}
                data-testid="person-row"
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(to)}
              >
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={to}
                    fw={600}
                    size="sm"
                    onClick={(event) => event.stopPropagation()}
                  >
                    {name}
                  </Anchor>
                  <IdentityHandles identities={person.identities} />
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={person.stage} />
                </Table.Td>
                <Table.Td>
                  <LevelBadge level={person.scores.engagementLevel} />
                </Table.Td>
                <Table.Td ta="right" data-testid="engagement">
                  {score(person.scores.engagement)}
                </Table.Td>
                <Table.Td ta="right">{score(person.scores.reach)}</Table.Td>
                <Table.Td ta="right">{score(person.scores.ambassador)}</Table.Td>
                <Table.Td ta="right">{score(person.scores.influencer)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
