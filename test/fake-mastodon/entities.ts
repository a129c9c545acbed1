/**
 * The fake's records presented as Mastodon's documented JSON entities (snake_case, ids as strings):
 * Account, CredentialAccount, Status, MediaAttachment, Application and the v2 Instance.
 */
import {
  hashtagsOf,
  type FakeAccount,
  type FakeMedia,
  type FakeNotification,
  type FakeStatus,
  type FakeStore,
} from './store.js';
import { contentHtml } from './text.js';

export interface InstanceSettings {
  maxCharacters: number;
  maxMediaAttachments: number;
  imageSizeLimit: number;
  descriptionLimit: number;
}

export type Json = Record<string, unknown>;

export function accountJson(base: string, account: FakeAccount, store: FakeStore): Json {
  const statuses = store.statusesOf(account.id);
  const last = statuses.at(-1);
  return {
    id: account.id,
    username: account.username,
    acct: account.username,
    display_name: account.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: account.createdAt,
    note: '',
    url: `${base}/@${account.username}`,
    uri: `${base}/users/${account.username}`,
    avatar: `${base}/avatars/original/missing.png`,
    avatar_static: `${base}/avatars/original/missing.png`,
    header: `${base}/headers/original/missing.png`,
    header_static: `${base}/headers/original/missing.png`,
    followers_count: account.followersCount,
    following_count: 0,
    statuses_count: statuses.length,
    last_status_at: last === undefined ? null : last.createdAt.slice(0, 10),
    emojis: [],
    fields: [],
  };
}

/** GET /api/v1/accounts/verify_credentials: the Account plus `source` and `role`. */
export function credentialAccountJson(base: string, account: FakeAccount, store: FakeStore): Json {
  return {
    ...accountJson(base, account, store),
    source: {
      privacy: 'public',
      sensitive: false,
      language: '',
      note: '',
      fields: [],
      follow_requests_count: 0,
    },
    role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false },
  };
}

export function mediaJson(base: string, media: FakeMedia): Json {
  const processed = media.pendingPolls <= 0;
  return {
    id: media.id,
    type: 'image',
    url: processed ? `${base}/system/media_attachments/files/${media.id}/original/image.png` : null,
    preview_url: `${base}/system/media_attachments/files/${media.id}/small/image.png`,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: processed ? { original: { width: 1, height: 1, size: '1x1', aspect: 1 } } : null,
    description: media.description,
    blurhash: 'UFA,?}%2_2xu~qRjWBj[-;M{M{j[WBayayj[',
  };
}

/** A Status; `withSource` adds `text` (DELETE answers with it, for "delete and redraft"). */
export function statusJson(base: string, status: FakeStatus, store: FakeStore, withSource = false): Json {
  const account = store.account(status.accountId);
  if (account === undefined) {
    throw new Error(`status ${status.id} has no account`);
  }
  const media = status.mediaIds.flatMap((id) => {
    const found = store.media.get(id);
    return found === undefined ? [] : [mediaJson(base, found)];
  });
  return {
    id: status.id,
    created_at: status.createdAt,
    in_reply_to_id: status.inReplyToId,
    in_reply_to_account_id: status.inReplyToAccountId,
    sensitive: false,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    uri: `${base}/users/${account.username}/statuses/${status.id}`,
    url: `${base}/@${account.username}/${status.id}`,
    replies_count: status.repliesCount,
    reblogs_count: status.reblogsCount,
    favourites_count: status.favouritesCount,
    quotes_count: status.quotesCount,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: contentHtml(status.text),
    filtered: [],
    reblog: null,
    application: { name: 'Hearth', website: null },
    account: accountJson(base, account, store),
    media_attachments: media,
    mentions: store.mentionsOf(status).map((mentioned) => ({
      id: mentioned.id,
      username: mentioned.username,
      url: `${base}/@${mentioned.username}`,
      acct: mentioned.username,
    })),
    tags: hashtagsOf(status.text).map((name) => ({ name, url: `${base}/tags/${name}` })),
    emojis: [],
    card: null,
    poll: null,
    ...(withSource ? { text: status.text } : {}),
  };
}

/** A Notification (GET /api/v1/notifications). */
export function notificationJson(base: string, notification: FakeNotification, store: FakeStore): Json {
  const from = store.account(notification.fromAccountId);
  const status = store.statuses.get(notification.statusId);
  if (from === undefined) {
    throw new Error(`notification ${notification.id} has no account`);
  }
  return {
    id: notification.id,
    type: notification.type,
    group_key: `ungrouped-${notification.id}`,
    created_at: notification.createdAt,
    account: accountJson(base, from, store),
    status: status === undefined ? null : statusJson(base, status, store),
  };
}

export function applicationJson(): Json {
  return {
    id: '1',
    name: 'Hearth',
    website: null,
    scopes: ['read', 'write'],
    redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
    redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'],
    vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
  };
}

export function instanceJson(base: string, settings: InstanceSettings): Json {
  const domain = new URL(base).host;
  return {
    domain,
    title: 'Fake Mastodon',
    version: '4.3.0',
    source_url: 'https://github.com/mastodon/mastodon',
    description: 'An in-repo fake of the Mastodon API for Hearth’s tests',
    usage: { users: { active_month: 1 } },
    thumbnail: { url: `${base}/packs/media/images/preview.png` },
    languages: ['en', 'fr'],
    configuration: {
      urls: { streaming: `ws://${domain}` },
      vapid: {
        public_key:
          'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
      },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: {
        max_characters: settings.maxCharacters,
        max_media_attachments: settings.maxMediaAttachments,
        characters_reserved_per_url: 23,
      },
      media_attachments: {
        supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'],
        description_limit: settings.descriptionLimit,
        image_size_limit: settings.imageSizeLimit,
        image_matrix_limit: 33_177_600,
        video_size_limit: 103_809_024,
        video_frame_rate_limit: 120,
        video_matrix_limit: 8_294_400,
      },
      polls: {
        max_options: 4,
        max_characters_per_option: 50,
        min_expiration: 300,
        max_expiration: 2_629_746,
      },
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null },
    api_versions: { mastodon: 2 },
    contact: { email: 'admin@fake.example', account: null },
    rules: [],
  };
}
