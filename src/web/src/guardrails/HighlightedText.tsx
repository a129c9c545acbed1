import { Mark, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Finding } from './check.api';
import { SEVERITY_COLOR } from './severity';
import { segmentsFor, worstSeverity } from './text-edits';

/**
 * The draft read-only, its flagged passages marked. Built from text slices as React text nodes:
 * the draft is user content and is never parsed as HTML.
 */
export function HighlightedText({
  text,
  findings,
  label,
}: {
  text: string;
  findings: readonly Finding[];
  label: string;
}) {
  const segments = useMemo(() => segmentsFor(text, findings), [text, findings]);
  return (
    <Text
      component="div"
      aria-label={label}
      data-testid="draft-preview"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {segments.map((segment) => {
        const severity = worstSeverity(segment.findings);
        if (severity === null) {
          return <span key={segment.start}>{segment.text}</span>;
        }
        return (
          <Mark
            key={segment.start}
            color={SEVERITY_COLOR[severity]}
            title={segment.findings.map((f) => f.message).join('\n')}
          >
            {segment.text}
          </Mark>
        );
      })}
    </Text>
  );
}
