/** The small pieces every community page shows: a stage, an engagement level, a person's handles. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngagementLevel, Identity, RelationshipStage } from './community.api';
import { handleText } from './community-view';

const STAGE_COLOR: Record<RelationshipStage, string> = {
  none: 'gray',
  identified: 'blue',
  contacted: 'cyan',
  engaged: 'teal',
  partner: 'violet',
  ambassador: 'orange',
};

const LEVEL_COLOR: Record<EngagementLevel, string> = {
  exploring: 'gray',
  participating: 'blue',
  contributing: 'teal',
  leading: 'orange',
};

export function StageBadge({ stage }: { stage: RelationshipStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STAGE_COLOR[stage]} data-testid="stage">
      {t(`community.stages.${stage}`)}
    </Badge>
  );
}

export function LevelBadge({ level }: { level: EngagementLevel }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={LEVEL_COLOR[level]} data-testid="level">
      {t(`community.levels.${level}`)}
    </Badge>
  );
}

/** One line per network: the network's name, then the handles there. */
export function IdentityHandles({ identities }: { identities: Identity[] }) {
  const byNetwork = new Map<string, Identity[]>();
  for (const identity of identities) {
    byNetwork.set(identity.network, [...(byNetwork.get(identity.network) ?? []), identity]);
  }
  return (
    <Group gap={6} data-testid="handles">
      {[...byNetwork].map(([network, list]) => (
        <Text key={network} size="xs" c="dimmed">
          <Text span size="xs" fw={600}>
            {network}
          </Text>{' '}
          {list.map(handleText).join(', ')}
        </Text>
      ))}
    </Group>
  );
}
