import { Button, Fieldset, Group, NumberInput, Radio, Stack, Switch, TagsInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { BannedTermsField } from './BannedTermsField';
import { EMOJI_POLICIES, FORMALITIES, type VoiceProfile } from './house-style.api';
import { useSaveVoiceProfile } from './house-style.queries';
import {
  fromVoiceForm,
  toVoiceForm,
  validateVoiceForm,
  voiceFieldErrors,
  type VoiceFormValues,
} from './voice-form';

interface VoiceFormProps {
  voice: VoiceProfile;
  canEdit: boolean;
  /** Saves somewhere else than the workspace's voice profile (an account's override); answers what was kept. */
  onSave?: (voice: VoiceProfile) => Promise<VoiceProfile>;
  /** Said once saved; default: the workspace voice's message. */
  savedMessage?: string;
}

/** Every field of the voice profile, with what each rule does; disabled for those who cannot change it. */
export function VoiceForm({ voice, canEdit, onSave, savedMessage }: VoiceFormProps) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const save = useSaveVoiceProfile(workspace.id);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<VoiceFormValues>({
    mode: 'controlled',
    initialValues: toVoiceForm(voice),
    validate: (values) =>
      validateVoiceForm(values, {
        required: t('validation.required'),
        wholeNumber: t('houseStyle.voice.wholeNumber'),
        positive: t('houseStyle.voice.positive'),
      }),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setSaving(true);
    try {
      const saved = toVoiceForm(await (onSave ?? save.mutateAsync)(fromVoiceForm(values)));
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      notifications.show({ color: 'teal', message: savedMessage ?? t('houseStyle.voice.saved') });
    } catch (error) {
      const fields = voiceFieldErrors(error);
      form.setErrors(fields);
      // The field errors say it next to the fields; anything else is said above the button.
      setFailure(Object.keys(fields).length > 0 ? null : error);
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset variant="unstyled" disabled={!canEdit}>
        <Stack gap="lg">
          <Radio.Group
            label={t('houseStyle.voice.formality')}
            description={t('houseStyle.voice.formalityHint')}
            key={form.key('formality')}
            {...form.getInputProps('formality')}
          >
            <Stack gap="xs" mt="xs">
              {FORMALITIES.map((value) => (
                <Radio key={value} value={value} label={t(`houseStyle.voice.formalities.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group
            label={t('houseStyle.voice.emoji')}
            description={t('houseStyle.voice.emojiHint')}
            key={form.key('emoji')}
            {...form.getInputProps('emoji')}
          >
            <Stack gap="xs" mt="xs">
              {EMOJI_POLICIES.map((value) => (
                <Radio key={value} value={value} label={t(`houseStyle.voice.emojiPolicies.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <NumberInput
            label={t('houseStyle.voice.maxExclamations')}
            description={t('houseStyle.voice.maxExclamationsHint')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            key={form.key('maxExclamations')}
            {...form.getInputProps('maxExclamations')}
          />
          <NumberInput
            label={t('houseStyle.voice.maxGrade')}
            description={t('houseStyle.voice.maxGradeHint')}
            min={1}
            max={18}
            decimalScale={1}
            allowNegative={false}
            key={form.key('maxGrade')}
            {...form.getInputProps('maxGrade')}
          />
          <BannedTermsField form={form} canEdit={canEdit} />
          <Stack gap="sm">
            <Switch
              label={t('houseStyle.voice.disclosure')}
              description={t('houseStyle.voice.disclosureHint')}
              key={form.key('disclosureRequired')}
              {...form.getInputProps('disclosureRequired', { type: 'checkbox' })}
            />
            <TagsInput
              label={t('houseStyle.voice.disclosureTags')}
              description={t('houseStyle.voice.disclosureTagsHint')}
              clearable
              key={form.key('disclosureTags')}
              {...form.getInputProps('disclosureTags')}
            />
          </Stack>
          <FormError error={failure} />
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={saving} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Fieldset>
    </form>
  );
}
