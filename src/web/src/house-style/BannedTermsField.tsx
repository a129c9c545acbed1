import { Button, CloseButton, Group, Input, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { emptyBannedTerm, type VoiceFormValues } from './voice-form';

/** The voice's banned terms, one row each: the term, what to write instead, and why. */
export function BannedTermsField({
  form,
  canEdit,
}: {
  form: UseFormReturnType<VoiceFormValues>;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const rows = form.getValues().bannedTerms;
  return (
    <Input.Wrapper
      label={t('houseStyle.voice.bannedTerms')}
      description={t('houseStyle.voice.bannedTermsHint')}
      labelElement="div"
      error={form.errors.bannedTerms}
    >
      <Stack gap="sm" mt="xs">
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('houseStyle.voice.noTerms')}
          </Text>
        ) : null}
        {rows.map((_row, index) => (
          <Paper key={index} withBorder p="sm" radius="md">
            <Group align="flex-start" wrap="wrap" gap="sm">
              <TextInput
                label={t('houseStyle.voice.term')}
                required
                w={{ base: '100%', sm: 170 }}
                key={form.key(`bannedTerms.${index}.term`)}
                {...form.getInputProps(`bannedTerms.${index}.term`)}
              />
              <TextInput
                label={t('houseStyle.voice.replacement')}
                placeholder={t('houseStyle.voice.optional')}
                w={{ base: '100%', sm: 170 }}
                key={form.key(`bannedTerms.${index}.replacement`)}
                {...form.getInputProps(`bannedTerms.${index}.replacement`)}
              />
              <TextInput
                label={t('houseStyle.voice.reason')}
                placeholder={t('houseStyle.voice.optional')}
                style={{ flex: 1 }}
                miw={200}
                key={form.key(`bannedTerms.${index}.reason`)}
                {...form.getInputProps(`bannedTerms.${index}.reason`)}
              />
              {canEdit ? (
                <CloseButton
                  mt={28}
                  aria-label={t('houseStyle.voice.removeTerm')}
                  onClick={() => form.removeListItem('bannedTerms', index)}
                />
              ) : null}
            </Group>
          </Paper>
        ))}
        {canEdit ? (
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('bannedTerms', emptyBannedTerm())}
            >
              {t('houseStyle.voice.addTerm')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Input.Wrapper>
  );
}
