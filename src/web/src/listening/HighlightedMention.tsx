import { Mark, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Span } from './listening.api';
import { segmentsOf } from './text-segments';

/**
 * A mention's text with the spans that made it match marked. Network content: rendered as React
 * text nodes, never parsed as HTML.
 */
export function HighlightedMention({ text, spans }: { text: string; spans: readonly Span[] }) {
  const segments = useMemo(() => segmentsOf(text, spans), [text, spans]);
  return (
    <Text
      component="div"
      size="sm"
      data-testid="mention-text"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {segments.map((segment) =>
        segment.marked ? (
          <Mark key={segment.start} color="yellow" data-testid="matched-term">
            {segment.text}
          </Mark>
        ) : (
          <span key={segment.start}>{segment.text}</span>
        ),
      )}
    </Text>
  );
}
