/**
 * Images for a status: POST /api/v2/media (multipart `file` + `description`, the alt text). Mastodon
 * answers 200 when the file is ready and 202 (url null) while it is processed; a status refuses
 * unprocessed media, so a 202 is polled on GET /api/v1/media/:id until it answers 200.
 * An upload that a failed publish leaves unattached is harmless: Mastodon removes it within a day.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectorError, type ImageInput } from '../types.js';
import type { MastodonClient } from './mastodon.client.js';
import { mediaSchema } from './mastodon.schemas.js';

const POLL_DELAYS_MS = [50, 100, 250, 500, 1_000, 2_000, 2_000, 3_000, 3_000, 5_000, 5_000, 5_000];

export async function uploadImage(client: MastodonClient, image: ImageInput): Promise<string> {
  const form = new FormData();
  const extension = image.mimeType.split('/')[1]?.replace(/[^a-z0-9]/g, '') ?? 'bin';
  form.append('file', new Blob([image.data], { type: image.mimeType }), `image.${extension}`);
  form.append('description', image.altText);
  const { status, data } = await client.call('POST', '/api/v2/media', mediaSchema, { form });
  if (status !== 202) {
    return data.id;
  }
  for (const delay of POLL_DELAYS_MS) {
    await sleep(delay);
    const answer = await client.call('GET', `/api/v1/media/${encodeURIComponent(data.id)}`, mediaSchema);
    if (answer.status === 200) {
      return data.id;
    }
  }
  throw new ConnectorError('transient', 'Mastodon is still processing the image; try again later');
}
