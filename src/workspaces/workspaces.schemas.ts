import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../core/passwords.js';
import { ROLES } from './roles.js';

/** Input rules shared by the HTTP API and the CLI, so both refuse the same things the same way. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid e-mail address' }));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `Use at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(512, { message: 'Use at most 512 characters' });

export const personNameSchema = z.string().trim().min(1, { message: 'Enter a name' }).max(120);

export const workspaceNameSchema = z.string().trim().min(1, { message: 'Enter a name' }).max(120);

/** The canonical IANA name of a zone ICU knows (aliases such as Asia/Calcutta included), or null. */
function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => canonicalTimeZone(zone) !== null, { message: 'Unknown time zone: use an IANA name such as Europe/Paris' })
  .transform((zone) => canonicalTimeZone(zone) ?? zone);

export const LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt'] as const;
export const languagesSchema = z
  .array(z.enum(LANGUAGES, { message: `Use language codes among ${LANGUAGES.join(', ')}` }))
  .min(1, { message: 'Choose at least one language' })
  .max(LANGUAGES.length)
  .transform((codes) => [...new Set(codes)]);

export const roleSchema = z.enum(ROLES, { message: `Use one of the roles: ${ROLES.join(', ')}` });

export const tokenNameSchema = z.string().trim().min(1, { message: 'Enter a name' }).max(80);

const namesSchema = z
  .array(z.string().trim().min(1, { message: 'Names cannot be empty' }).max(80))
  .max(100, { message: 'At most 100 names' })
  .transform((names) => [...new Set(names)]);

export const namedThingsSchema = z.object({
  brand: namesSchema.default([]),
  products: namesSchema.default([]),
  competitors: namesSchema.default([]),
});
