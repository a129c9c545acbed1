import { EChart } from '../../components/EChart';
import type { ChartOption } from '../chart-option';

/** Mentions over time, by sentiment. */
export function MentionsChart({ option, label }: { option: ChartOption; label: string }) {
  return <EChart option={option} label={label} testId="mentions-chart" />;
}
