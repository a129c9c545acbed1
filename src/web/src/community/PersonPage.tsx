/**
 * Community › a person (/w/:workspaceId/community/people/:personId): who they are on each network,
 * their scores with how each was computed, their timeline, the relationship the team keeps with them
 * (stage, next step, owner, tags, notes), merges, and the privacy actions (export, forget).
 */
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../components/ConfirmButton';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { MergedPersonError, personExportUrl, type PersonDetail } from './community.api';
import { useForgetPerson, usePerson } from './community.queries';
import { exportFileName, personName } from './community-view';
import { canManageCommunity, canUsePrivacy } from './permissions';
import { PersonMerges } from './PersonMerges';
import { PersonNotes } from './PersonNotes';
import { PersonProfile } from './PersonProfile';
import { PersonTimeline } from './PersonTimeline';
import { RelationshipForm } from './RelationshipForm';
import { ScoreExplanations } from './ScoreExplanations';

export function PersonPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const { personId = '' } = useParams();
  const person = usePerson(workspace.id, personId);
  const listUrl = `/w/${workspace.id}/community`;
  const back = (
    <Anchor component={Link} to={listUrl} size="sm">
      {t('community.person.back')}
    </Anchor>
  );

  if (person.isError) {
    const error = person.error;
    return (
      <Stack>
        {back}
        {error instanceof MergedPersonError ? (
          <Alert color="blue" title={t('community.person.mergedTitle')}>
            <Stack gap="xs">
              <Text size="sm">{error.message}</Text>
              <Anchor
                component={Link}
                to={`${listUrl}/people/${encodeURIComponent(error.mergedIntoId)}`}
                size="sm"
              >
                {t('community.person.openMergedInto')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <QueryError error={error} />
        )}
      </Stack>
    );
  }
  if (person.data === undefined) {
    return <PageLoader />;
  }
  const data = person.data;
  const canEdit = canManageCommunity(workspace.role);
  return (
    <Stack>
      {back}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <PersonProfile person={data} />
            {/* Remounted when the server's values change, so that the form starts from them. */}
            <RelationshipForm
              key={JSON.stringify([data.stage, data.nextStep, data.nextStepDue, data.ownerId, data.tags])}
              person={data}
              canEdit={canEdit}
            />
            <PersonNotes personId={data.id} notes={data.notes} canEdit={canEdit} />
            <PersonMerges person={data} canEdit={canEdit} />
            {canUsePrivacy(workspace.role) ? <PrivacyActions person={data} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <ScoreExplanations person={data} />
            <PersonTimeline personId={data.id} conversations={data.conversations} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Export everything held about the person, or forget them (both recorded in the audit log). */
function PrivacyActions({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const forget = useForgetPerson(workspace.id);
  const name = personName(person);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('community.privacy.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('community.privacy.intro')}
        </Text>
        <Group>
          <Button
            component="a"
            href={personExportUrl(workspace.id, person.id)}
            download={exportFileName(person.id)}
            variant="default"
            size="xs"
          >
            {t('community.privacy.export')}
          </Button>
          <ConfirmButton
            title={t('community.privacy.forgetTitle', { name })}
            message={t('community.privacy.forgetWarning', { name })}
            onConfirm={() =>
              forget.mutateAsync(person.id).then(() => {
                notifications.show({ color: 'teal', message: t('community.privacy.forgotten', { name }) });
                void navigate(`/w/${workspace.id}/community`);
              })
            }
          >
            {t('community.privacy.forget')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Paper>
  );
}
