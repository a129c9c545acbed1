import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostStatus, TargetStatus } from './posts.api';
import { POST_STATUS_COLOR, TARGET_STATUS_COLOR } from './status';

/** A post's status, in its colour. */
export function PostStatusBadge({
  status,
  ...props
}: { status: PostStatus } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation();
  return (
    <Badge color={POST_STATUS_COLOR[status]} variant="light" data-testid="post-status" {...props}>
      {t(`publishing.status.${status}`)}
    </Badge>
  );
}

/** What happened to a post on one account. */
export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={TARGET_STATUS_COLOR[status]} variant="dot" size="sm">
      {t(`publishing.targetStatus.${status}`)}
    </Badge>
  );
}
