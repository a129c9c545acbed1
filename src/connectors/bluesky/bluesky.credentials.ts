/** What a user gives to connect a Bluesky account: a handle (or DID), an app password, a PDS. */
import { z } from 'zod';

export const DEFAULT_BLUESKY_SERVICE = 'https://bsky.social';

// atproto handle syntax: dot-separated DNS labels, the last one starting with a letter.
const HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]+$/;
// The PDS makes app passwords as four groups of four lower-case letters and digits. Requiring one
// keeps the account password (which can delete the account) out of Hearth.
const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;

export const blueskyCredentialsSchema = z.object({
  handle: z
    .string()
    .trim()
    .transform((value) => (value.startsWith('@') ? value.slice(1) : value))
    .transform((value) => (value.startsWith('did:') ? value : value.toLowerCase()))
    .refine((value) => value.length <= 253 && (HANDLE.test(value) || DID.test(value)), {
      message: 'a Bluesky handle (name.bsky.social) or a DID',
    }),
  appPassword: z.string().trim().regex(APP_PASSWORD, {
    message:
      'an app password (xxxx-xxxx-xxxx-xxxx, from Settings → Privacy and security → App passwords), not the account password',
  }),
  service: z
    .url({ protocol: /^https?$/, message: 'the http(s) address of the account’s server' })
    .default(DEFAULT_BLUESKY_SERVICE),
});

export type BlueskyCredentials = z.output<typeof blueskyCredentialsSchema>;
