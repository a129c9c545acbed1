import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAccountsQuery } from '../accounts/accounts.queries';
import { hasStatus } from '../api/errors';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { DraftChecker } from '../guardrails/DraftChecker';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { Composer } from './Composer';
import type { DraftValues } from './draft';
import { canManageAccounts } from './post-actions';
import { usePostQuery } from './posts.queries';

/** What a navigation to the composer may carry: the values of a copied post, the composer to keep. */
interface ComposerLocationState {
  copy?: DraftValues;
  /** Set when a new post was just created: the same composer goes on editing it (no remount). */
  session?: string;
}

/** /publish (a new post) and /publish/:postId (a post): the composer, once the post and the accounts are loaded. */
export function ComposerPage() {
  const { t } = useTranslation();
  const { postId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const workspace = useCurrentWorkspace();
  const accounts = useAccountsQuery(workspace.id);
  const post = usePostQuery(workspace.id, postId);
  const state = (location.state ?? null) as ComposerLocationState | null;
  const session = state?.session ?? (postId === undefined ? `new-${location.key}` : `post-${postId}`);

  if (accounts.isError) {
    return <QueryError error={accounts.error} />;
  }
  if (postId !== undefined && post.isError) {
    return hasStatus(post.error, 404) ? (
      <Alert color="gray" title={t('publishing.notFound')} role="alert">
        <Button component={Link} to={`/w/${workspace.id}/publish`} variant="light" size="xs" mt="xs">
          {t('publishing.tabs.compose')}
        </Button>
      </Alert>
    ) : (
      <QueryError error={post.error} />
    );
  }
  if (accounts.data === undefined || (postId !== undefined && post.data === undefined)) {
    return <PageLoader />;
  }
  if (postId === undefined && accounts.data.length === 0) {
    return <NoAccounts />;
  }
  return (
    <Composer
      key={session}
      workspace={workspace}
      accounts={accounts.data}
      post={post.data ?? null}
      initial={state?.copy}
      onCreated={(created) =>
        void navigate(`/w/${workspace.id}/publish/${created.id}`, {
          replace: true,
          state: { session } satisfies ComposerLocationState,
        })
      }
    />
  );
}

/** No account to publish to yet: what the section does, where to connect one, and the checker meanwhile. */
function NoAccounts() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  return (
    <Stack>
      <Paper withBorder p="lg" radius="md" maw={760}>
        <Stack gap="xs">
          <Text fw={600}>{t('sections.emptyTitle', { workspace: workspace.name })}</Text>
          <Text c="dimmed">{t('sections.publish')}</Text>
          <Text size="sm">
            {canManageAccounts(workspace.role)
              ? t('publishing.noAccounts.manager')
              : t('publishing.noAccounts.other')}
          </Text>
          {canManageAccounts(workspace.role) ? (
            <Group>
              <Button component={Link} to={`/w/${workspace.id}/settings/accounts`} size="xs">
                {t('publishing.noAccounts.connect')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <DraftChecker />
    </Stack>
  );
}
