import { Alert, Button, ColorInput, FileButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { QueryError } from '../components/QueryError';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { canManageReports } from './permissions';
import { useBranding, useSaveBranding } from './reports.queries';

/** The server's limit on a logo (as a data: URL); checked here first to say so before uploading. */
const MAX_LOGO_BYTES = 150 * 1024;
const LOGO_TYPES = 'image/png,image/jpeg,image/svg+xml';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** White-label: the logo and colour every report of the workspace carries. */
export function BrandingForm() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const branding = useBranding(workspace.id);
  const save = useSaveBranding(workspace.id);
  const manage = canManageReports(workspace.role);
  const [logo, setLogo] = useState<string | null>(null);
  const [colour, setColour] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  useEffect(() => {
    if (branding.data) {
      setLogo(branding.data.logoDataUrl);
      setColour(branding.data.colour);
    }
  }, [branding.data]);

  const pick = (file: File | null) => {
    setFileError(null);
    if (file === null) {
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setFileError(t('reports.branding.tooBig', { size: Math.round(MAX_LOGO_BYTES / 1024) }));
      return;
    }
    readAsDataUrl(file).then(setLogo, (error: unknown) => setFileError(error instanceof Error ? error.message : String(error)));
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('reports.branding.title')}>
      <Stack>
        <Title order={2} size="h4">
          {t('reports.branding.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.branding.intro')}
        </Text>
        {branding.isError ? <QueryError error={branding.error} /> : null}
        <Group align="flex-end">
          {logo !== null ? (
            <Image src={logo} alt={t('reports.branding.logoAlt')} h={48} w="auto" fit="contain" />
          ) : (
            <Text size="sm" c="dimmed">
              {t('reports.branding.noLogo')}
            </Text>
          )}
          {manage ? (
            <>
              <FileButton onChange={pick} accept={LOGO_TYPES}>
                {(props) => (
                  <Button variant="default" {...props}>
                    {t('reports.branding.chooseLogo')}
                  </Button>
                )}
              </FileButton>
              {logo !== null ? (
                <Button variant="subtle" color="red" onClick={() => setLogo(null)}>
                  {t('reports.branding.removeLogo')}
                </Button>
              ) : null}
            </>
          ) : null}
          <ColorInput
            label={t('reports.branding.colour')}
            value={colour}
            onChange={setColour}
            format="hex"
            disabled={!manage}
            w={180}
          />
        </Group>
        {fileError !== null ? (
          <Alert color="red" role="alert">
            {fileError}
          </Alert>
        ) : null}
        <FormError error={save.error} />
        {manage ? (
          <Group>
            <Button
              onClick={() => save.mutate({ logoDataUrl: logo, colour })}
              loading={save.isPending}
              disabled={branding.data === undefined}
            >
              {t('reports.branding.save')}
            </Button>
            {save.isSuccess ? (
              <Text size="sm" c="teal" role="status">
                {t('reports.branding.saved')}
              </Text>
            ) : null}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('reports.branding.readOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
