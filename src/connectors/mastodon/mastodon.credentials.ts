/**
 * What a user gives to connect a Mastodon account: the instance's address and an access token
 * (Preferences → Development → New application, scopes `read` and `write`, or any OAuth flow).
 */
import { z } from 'zod';

export const mastodonCredentialsSchema = z.object({
  /** The instance's web address; a bare domain gets https://, a pasted profile link is cut to its origin. */
  instanceUrl: z
    .string()
    .trim()
    .transform((value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`))
    .pipe(
      z.url({
        protocol: /^https?$/,
        message: 'the http(s) address of the Mastodon server, e.g. https://mastodon.social',
      }),
    )
    .refine((value) => new URL(value).username === '' && new URL(value).password === '', {
      message: 'the server address must not contain a user name or password',
    })
    .transform((value) => new URL(value).origin),
  accessToken: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]{1,512}$/, {
      message: 'the access token from the application’s page on the Mastodon server',
    }),
});

export type MastodonCredentials = z.output<typeof mastodonCredentialsSchema>;
