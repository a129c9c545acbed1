import {
  Box,
  Button,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../components/QueryError';
import { useUiLanguage } from '../i18n/use-ui-language';
import { errorMessage } from '../lib/error-message';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import {
  atHour,
  CALENDAR_VIEWS,
  canMove,
  dayKeyOf,
  hourOf,
  monthOf,
  moveToDay,
  postsByDay,
  rangeOf,
  shiftAnchor,
  visibleDays,
  weekdayOf,
  type CalendarView,
  type DayKey,
} from './calendar';
import { canDraft, needsApproval } from './post-actions';
import type { Post } from './posts.api';
import { useMovePost, usePostsQuery } from './posts.queries';
import { POST_DRAG_TYPE, PostChip } from './PostChip';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const FIRST_VISIBLE_HOUR = 7;

const isView = (value: string | null): value is CalendarView => CALENDAR_VIEWS.some((view) => view === value);
const isDay = (value: string | null): value is DayKey => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
const utcDate = (key: DayKey): Date => new Date(`${key}T12:00:00Z`);

/** The calendar: posts by publish time in the workspace's zone, by month, week or as a list; drag to reschedule. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const zone = workspace.timeZone;
  const [params, setParams] = useSearchParams();
  const today = dayKeyOf(Date.now(), zone);
  const view: CalendarView = isView(params.get('view')) ? (params.get('view') as CalendarView) : 'month';
  const anchor: DayKey = isDay(params.get('day')) ? (params.get('day') as DayKey) : today;
  const days = useMemo(() => visibleDays(view, anchor), [view, anchor]);
  const filter = useMemo(() => rangeOf(days, zone), [days, zone]);
  const posts = usePostsQuery(workspace.id, filter);
  const move = useMovePost(workspace.id);
  const byDay = useMemo(
    () =>
      postsByDay(
        (posts.data ?? []).filter((post) => post.status !== 'cancelled'),
        zone,
      ),
    [posts.data, zone],
  );
  const [over, setOver] = useState<string | null>(null);
  // The week view opens on the working day (07:00), not at midnight.
  const weekViewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const viewport = weekViewport.current;
    const morning = viewport?.querySelector<HTMLElement>(`[data-hour="${FIRST_VISIBLE_HOUR}"]`);
    if (viewport && morning) {
      viewport.scrollTop += morning.getBoundingClientRect().top - viewport.getBoundingClientRect().top - 24;
    }
  }, [view, anchor]);
  const movable = (post: Post): boolean =>
    canMove(post, {
      canDraft: canDraft(workspace.role),
      needsApproval: needsApproval(workspace.role, workspace.approvalPolicy),
    });

  const go = (next: { view?: CalendarView; day?: DayKey }): void =>
    setParams({ view: next.view ?? view, day: next.day ?? anchor }, { replace: true });

  const drop =
    (publishAtOf: (post: Post & { publishAt: string }) => string) => (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setOver(null);
      const id = event.dataTransfer.getData(POST_DRAG_TYPE) || event.dataTransfer.getData('text/plain');
      const post = posts.data?.find((candidate) => candidate.id === id);
      if (post === undefined || post.publishAt === null || !movable(post)) {
        return;
      }
      const publishAt = publishAtOf({ ...post, publishAt: post.publishAt });
      if (publishAt === post.publishAt) {
        return;
      }
      if (Date.parse(publishAt) < Date.now()) {
        notifications.show({ color: 'orange', message: t('publishing.calendar.past') });
        return;
      }
      move.mutate(
        { post, publishAt },
        {
          onSuccess: (moved) =>
            // The server checks a moved scheduled post again: blocked now, it is a draft and says why.
            moved.unscheduled !== undefined
              ? notifications.show({
                  color: 'orange',
                  title: t('publishing.calendar.unscheduled'),
                  message: moved.unscheduled,
                })
              : notifications.show({
                  color: 'teal',
                  message: t('publishing.calendar.moved', {
                    date: new Intl.DateTimeFormat(language, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                      timeZone: zone,
                    }).format(new Date(moved.publishAt ?? publishAt)),
                  }),
                }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: t('publishing.calendar.moveFailed'),
              message: errorMessage(error),
            }),
        },
      );
    };

  const dropZone = (key: string, publishAtOf: (post: Post & { publishAt: string }) => string) => ({
    onDragOver: (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (over !== key) {
        setOver(key);
      }
    },
    onDragLeave: () => setOver((current) => (current === key ? null : current)),
    onDrop: drop(publishAtOf),
    'data-drop-target': key,
  });

  const chip = (post: Post, detailed = false): ReactNode => (
    <PostChip
      key={post.id}
      post={post}
      workspaceId={workspace.id}
      timeZone={zone}
      draggable={movable(post)}
      detailed={detailed}
    />
  );

  const title =
    view === 'week'
      ? new Intl.DateTimeFormat(language, {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).formatRange(utcDate(days[0] ?? anchor), utcDate(days.at(-1) ?? anchor))
      : new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          utcDate(anchor),
        );
  const weekdayHeader = (key: DayKey): string =>
    new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      utcDate(key),
    );

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => go({ day: shiftAnchor(view, anchor, -1) })}
            aria-label={t('publishing.calendar.previous')}
          >
            ‹
          </Button>
          <Button variant="default" size="xs" onClick={() => go({ day: today })}>
            {t('publishing.calendar.today')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => go({ day: shiftAnchor(view, anchor, 1) })}
            aria-label={t('publishing.calendar.next')}
          >
            ›
          </Button>
          <Title order={2} size="h4" tt="capitalize" data-testid="calendar-title">
            {title}
          </Title>
        </Group>
        <SegmentedControl
          aria-label={t('publishing.calendar.view')}
          value={view}
          onChange={(value) => go({ view: isView(value) ? value : 'month' })}
          data={CALENDAR_VIEWS.map((value) => ({ value, label: t(`publishing.calendar.views.${value}`) }))}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('publishing.calendar.zoneNote', { timeZone: zone })}
      </Text>
      {posts.isError ? <QueryError error={posts.error} /> : null}

      {view === 'month' ? (
        <Box component="section" aria-label={title}>
          <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
            {days.slice(0, 7).map((key) => (
              <Text key={key} size="xs" fw={600} c="dimmed" ta="center">
                {new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
                  utcDate(key),
                )}
              </Text>
            ))}
            {days.map((key) => (
              <Paper
                key={key}
                withBorder
                p={4}
                mih={110}
                radius="sm"
                role="group"
                aria-label={new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
                  utcDate(key),
                )}
                bg={
                  over === key
                    ? 'var(--mantine-color-orange-0)'
                    : monthOf(key) !== monthOf(anchor)
                      ? 'var(--mantine-color-gray-0)'
                      : undefined
                }
                style={key === today ? { outline: '2px solid var(--mantine-color-orange-5)' } : undefined}
                {...dropZone(key, (post) => moveToDay(post.publishAt, key, zone))}
              >
                <Stack gap={4}>
                  <Text
                    size="xs"
                    fw={key === today ? 700 : 400}
                    c={monthOf(key) !== monthOf(anchor) ? 'dimmed' : undefined}
                  >
                    {Number(key.slice(8))}
                  </Text>
                  {(byDay.get(key) ?? []).map((post) => chip(post))}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </Box>
      ) : null}

      {view === 'week' ? (
        <ScrollArea h={640} type="auto" viewportRef={weekViewport}>
          <Box
            component="section"
            aria-label={title}
            style={{ display: 'grid', gridTemplateColumns: '48px repeat(7, minmax(110px, 1fr))', gap: 2 }}
          >
            <span />
            {days.map((key) => (
              <Text
                key={key}
                size="xs"
                fw={key === today ? 700 : 600}
                c={key === today ? 'orange' : 'dimmed'}
                ta="center"
              >
                {weekdayHeader(key)}
              </Text>
            ))}
            {HOURS.map((hour) => (
              <WeekRow key={hour} hour={hour}>
                {days.map((key) => {
                  const cell = `${key}@${hour}`;
                  return (
                    <Box
                      key={cell}
                      role="group"
                      aria-label={`${weekdayHeader(key)} ${String(hour).padStart(2, '0')}:00`}
                      mih={40}
                      p={2}
                      bg={
                        over === cell
                          ? 'var(--mantine-color-orange-0)'
                          : weekdayOf(key) >= 5
                            ? 'var(--mantine-color-gray-0)'
                            : undefined
                      }
                      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                      {...dropZone(cell, () => atHour(key, hour, zone))}
                    >
                      <Stack gap={2}>
                        {(byDay.get(key) ?? [])
                          .filter((post) => post.publishAt !== null && hourOf(post.publishAt, zone) === hour)
                          .map((post) => chip(post))}
                      </Stack>
                    </Box>
                  );
                })}
              </WeekRow>
            ))}
          </Box>
        </ScrollArea>
      ) : null}

      {view === 'list' ? (
        <Stack gap="md" aria-label={title} component="section">
          {days.filter((key) => byDay.has(key)).length === 0 && posts.data !== undefined ? (
            <Text c="dimmed">{t('publishing.calendar.empty')}</Text>
          ) : null}
          {days
            .filter((key) => byDay.has(key))
            .map((key) => (
              <Stack key={key} gap="xs">
                <Text fw={600} tt="capitalize">
                  {new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
                    utcDate(key),
                  )}
                </Text>
                {(byDay.get(key) ?? []).map((post) => chip(post, true))}
              </Stack>
            ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** One hour of the week view: its label, then a cell per day. */
function WeekRow({ hour, children }: { hour: number; children: ReactNode }) {
  return (
    <>
      <Text
        size="xs"
        c="dimmed"
        ta="right"
        pr={4}
        data-hour={hour}
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      >
        {String(hour).padStart(2, '0')}:00
      </Text>
      {children}
    </>
  );
}
