import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRESETS, type RangeChoice } from './range';

/** Presets (7, 30, 90 days) or a custom range of local dates. */
export function RangePicker({ value, onChange }: { value: RangeChoice; onChange: (next: RangeChoice) => void }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm">
      <SegmentedControl
        aria-label={t('reports.range.label')}
        value={value.preset}
        onChange={(preset) => onChange({ ...value, preset: preset })}
        data={PRESETS.map((preset) => ({ value: preset, label: t(`reports.range.presets.${preset}`) }))}
      />
      {value.preset === 'custom' ? (
        <>
          <TextInput
            type="date"
            label={t('reports.range.from')}
            value={value.from}
            onChange={(event) => onChange({ ...value, from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('reports.range.to')}
            value={value.to}
            onChange={(event) => onChange({ ...value, to: event.currentTarget.value })}
          />
        </>
      ) : null}
    </Group>
  );
}
