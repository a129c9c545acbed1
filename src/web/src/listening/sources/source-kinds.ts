/**
 * The kinds of source a user can add here and the fields of each, as POST /listening/sources takes
 * them (src/listening/sources.routes.ts, src/listening/sources/source-settings.ts). A form is built
 * from this table: a kind is one more entry.
 */

/** Every kind the server may list. */
export const SOURCE_KIND_NAMES = ['rss', 'webhook', 'import', 'bluesky', 'mastodon'] as const;
export type SourceKindName = (typeof SOURCE_KIND_NAMES)[number];

/** A listed source's kind as a known one (its label), or null for one this interface does not know yet. */
export const knownKind = (kind: string): SourceKindName | null =>
  (SOURCE_KIND_NAMES as readonly string[]).includes(kind) ? (kind as SourceKindName) : null;

export const SOURCE_FIELD_NAMES = [
  'url',
  'name',
  'pollIntervalMinutes',
  'keywords',
  'trackAccounts',
  'service',
  'appViewUrl',
  'instanceUrl',
  'hashtags',
  'accountId',
] as const;
export type SourceFieldName = (typeof SOURCE_FIELD_NAMES)[number];

export interface SourceField {
  name: SourceFieldName;
  /**
   * text; url (with the schemes allowed); number; list (one value per line or comma, sent as an
   * array); boolean (a switch); account (one of the workspace's connected accounts of `network`).
   */
  type: 'text' | 'url' | 'number' | 'list' | 'boolean' | 'account';
  required: boolean;
  /** Where the body holds it: at the top, or in `settings`. */
  in?: 'settings';
  schemes?: readonly string[];
  min?: number;
  max?: number;
  /** The value a new form starts with. */
  initial?: string;
  network?: 'bluesky' | 'mastodon';
}

export interface SourceKind {
  kind: SourceKindName;
  fields: SourceField[];
}

const interval: SourceField = {
  name: 'pollIntervalMinutes',
  type: 'number',
  required: false,
  min: 5,
  max: 1_440,
};
const optionalName: SourceField = { name: 'name', type: 'text', required: false };

export const SOURCE_KINDS: readonly SourceKind[] = [
  { kind: 'rss', fields: [{ name: 'url', type: 'url', required: true }, optionalName, interval] },
  { kind: 'webhook', fields: [{ name: 'name', type: 'text', required: true }] },
  {
    kind: 'bluesky',
    fields: [
      optionalName,
      { name: 'keywords', type: 'list', required: false, in: 'settings' },
      { name: 'trackAccounts', type: 'boolean', required: false, in: 'settings', initial: 'true' },
      {
        name: 'service',
        type: 'url',
        required: false,
        in: 'settings',
        schemes: ['wss', 'ws', 'https', 'http'],
        initial: 'wss://bsky.network',
      },
      { name: 'appViewUrl', type: 'url', required: false, in: 'settings' },
    ],
  },
  {
    kind: 'mastodon',
    fields: [
      { name: 'instanceUrl', type: 'url', required: true, in: 'settings' },
      { name: 'hashtags', type: 'list', required: false, in: 'settings' },
      { name: 'accountId', type: 'account', required: false, in: 'settings', network: 'mastodon' },
      optionalName,
      interval,
    ],
  },
];

/** A form's first values. */
export const initialValues = (kind: SourceKind): Record<string, string> =>
  Object.fromEntries(
    kind.fields.flatMap((field) => (field.initial === undefined ? [] : [[field.name, field.initial]])),
  );

const listOf = (value: string): string[] =>
  value
    .split(/[\n,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

type BodyValue = string | number | boolean | string[];
export type SourceBody = { kind: string; settings?: Record<string, BodyValue> } & Record<string, unknown>;

/** The POST body of a form's values: trimmed, empty optional fields left out, typed, settings nested. */
export function sourceBody(kind: SourceKind, values: Record<string, string>): SourceBody {
  const body: SourceBody = { kind: kind.kind };
  for (const field of kind.fields) {
    const raw = (values[field.name] ?? '').trim();
    let value: BodyValue;
    if (field.type === 'boolean') {
      value = raw === 'true';
    } else if (raw === '') {
      continue;
    } else if (field.type === 'number') {
      value = Number(raw);
    } else if (field.type === 'list') {
      value = listOf(raw);
    } else {
      value = raw;
    }
    if (field.in === 'settings') {
      body.settings = { ...body.settings, [field.name]: value };
    } else {
      body[field.name] = value;
    }
  }
  if (kind.fields.some((field) => field.in === 'settings')) {
    body.settings ??= {};
  }
  return body;
}

/** The first problem of a form's values (a field name and a code), or null. */
export function sourceProblem(
  kind: SourceKind,
  values: Record<string, string>,
): { field: SourceFieldName; problem: 'required' | 'url' | 'range' } | null {
  for (const field of kind.fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '' || field.type === 'boolean') {
      if (field.required && value === '') {
        return { field: field.name, problem: 'required' };
      }
      continue;
    }
    if (field.type === 'url') {
      const schemes = field.schemes ?? ['https', 'http'];
      const scheme = /^([a-z]+):\/\/\S+$/i.exec(value)?.[1]?.toLowerCase();
      if (scheme === undefined || !schemes.includes(scheme)) {
        return { field: field.name, problem: 'url' };
      }
    }
    if (field.type === 'number') {
      const number = Number(value);
      if (
        !Number.isInteger(number) ||
        (field.min !== undefined && number < field.min) ||
        (field.max !== undefined && number > field.max)
      ) {
        return { field: field.name, problem: 'range' };
      }
    }
  }
  return null;
}

/** The settings worth showing on a source's card, as field name and text. */
export function settingsSummary(settings: Record<string, unknown> | null): [SourceFieldName, string][] {
  if (settings === null) {
    return [];
  }
  const shown: SourceFieldName[] = ['keywords', 'hashtags', 'instanceUrl', 'service'];
  return shown.flatMap((name): [SourceFieldName, string][] => {
    const value = settings[name];
    if (typeof value === 'string' && value !== '') {
      return [[name, value]];
    }
    if (Array.isArray(value) && value.length > 0) {
      return [[name, value.map(String).join(', ')]];
    }
    return [];
  });
}
