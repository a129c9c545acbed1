import { Anchor, Container, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

/** The frame of the pages seen before signing in: setup, sign-in, invitation. */
export function AuthLayout({
  title,
  children,
  size = 'xs',
}: {
  title: string;
  children: ReactNode;
  size?: string;
}) {
  return (
    <Container size={size} py="xl">
      <Stack>
        <Group justify="space-between">
          <Anchor component={Link} to="/" fw={700} fz="lg" underline="never" c="inherit">
            Hearth
          </Anchor>
          <LanguageSwitcher />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack>
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
