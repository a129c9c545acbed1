/** What a user gives to connect a webhook: the receiver's URL and the shared secret that signs each call. */
import { z } from 'zod';

export const webhookCredentialsSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, message: 'the http(s) address that receives the posts' })
    .refine((value) => new URL(value).username === '' && new URL(value).password === '', {
      message: 'put no user name or password in the address: the signature authenticates the calls',
    }),
  secret: z
    .string()
    .min(16, { message: 'a shared secret of at least 16 characters (32 random ones are better)' })
    .max(512),
});

export type WebhookCredentials = z.output<typeof webhookCredentialsSchema>;
