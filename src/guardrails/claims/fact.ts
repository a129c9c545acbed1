/** The workspace's fact register: statements the brand may make, with their value, source and validity. */
import { z } from 'zod';

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 date');

export const factSchema = z.object({
  id: z.string().min(1),
  statement: z.string().min(1),
  /** The number, price or percentage the statement asserts ("29,90 €", "42 %"). */
  value: z.string().optional(),
  sourceUrl: z.string().url().optional(),
  /** ISO date; a date without a time is valid through that whole day. */
  validUntil: isoDate.optional(),
  /** When the source was published or last checked. */
  sourceDate: isoDate.optional(),
});

export type Fact = z.infer<typeof factSchema>;
