import { Avatar, Box, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectedAccount } from '../accounts/accounts.api';
import { NETWORK_LABEL } from '../accounts/networks';
import { countForNetwork } from './network-count';
import type { PostMedia } from './posts.api';

/** The length as the network counts it, red past its limit. */
export function CharacterCount({ text, network }: { text: string; network: ConnectedAccount['network'] }) {
  const { t } = useTranslation();
  const { count, limit } = countForNetwork(text, network);
  const over = limit !== null && count > limit;
  return (
    <Text
      size="xs"
      c={over ? 'red' : limit !== null && count > limit * 0.9 ? 'orange' : 'dimmed'}
      fw={over ? 700 : 400}
      data-testid="character-count"
      aria-label={
        limit === null
          ? t('publishing.preview.countNoLimit', { count })
          : t('publishing.preview.count', { count, limit })
      }
    >
      {limit === null ? count : `${count} / ${limit}`}
    </Text>
  );
}

const initials = (account: ConnectedAccount): string =>
  (account.displayName ?? account.handle).replace(/^@/, '').slice(0, 2).toUpperCase();

/** What the post will look like on the account's network: who posts it, the text, the images, the count. */
export function NetworkPreview({
  account,
  text,
  media,
}: {
  account: ConnectedAccount;
  text: string;
  media: readonly PostMedia[];
}) {
  const { t } = useTranslation();
  const mastodon = account.network === 'mastodon';
  const handle = account.network === 'webhook' ? account.handle : `@${account.handle.replace(/^@/, '')}`;
  return (
    <Paper
      withBorder
      radius={mastodon ? 'sm' : 'lg'}
      p="sm"
      bg={mastodon ? 'var(--mantine-color-dark-7)' : undefined}
      c={mastodon ? 'var(--mantine-color-gray-0)' : undefined}
      aria-label={t('publishing.preview.label', {
        network: NETWORK_LABEL[account.network],
        handle: account.handle,
      })}
      data-testid={`preview-${account.network}`}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Avatar
          radius={mastodon ? 'md' : 'xl'}
          color={mastodon ? 'violet' : account.network === 'bluesky' ? 'blue' : 'gray'}
        >
          {initials(account)}
        </Avatar>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text fw={700} size="sm" truncate>
              {account.displayName ?? account.handle}
            </Text>
            <Text size="sm" c={mastodon ? 'gray.5' : 'dimmed'} truncate>
              {handle}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {text === '' ? (
              <Text span c="dimmed" fs="italic" inherit>
                {t('publishing.preview.empty')}
              </Text>
            ) : (
              text
            )}
          </Text>
          {media.length > 0 ? (
            <SimpleGrid cols={media.length === 1 ? 1 : 2} spacing={4}>
              {media.map((image) => (
                <Box
                  key={image.id}
                  bg="var(--mantine-color-gray-3)"
                  h={media.length === 1 ? 120 : 60}
                  style={{ borderRadius: 8, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
                  title={image.altText}
                >
                  <Text size="xs" c="dark" px={4} lineClamp={2}>
                    {t('publishing.preview.image', { alt: image.altText })}
                  </Text>
                </Box>
              ))}
            </SimpleGrid>
          ) : null}
          <Group justify="space-between">
            <Text size="xs" c={mastodon ? 'gray.5' : 'dimmed'}>
              {NETWORK_LABEL[account.network]}
            </Text>
            <CharacterCount text={text} network={account.network} />
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
