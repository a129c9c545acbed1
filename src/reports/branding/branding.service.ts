/**
 * White-label: each workspace's report logo (a base64 data: URL, PNG, JPEG or SVG, at most 200 kB)
 * and colour (#rrggbb). An SVG that could run anything (scripts, event handlers, external
 * references, entities) is refused rather than cleaned: reports embed it in an <img>, which would
 * not run it either, but a stored logo must be safe wherever it is shown.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.js';
import { invalid } from '../../core/errors.js';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { authorize } from '../../workspaces/policy.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import type { Branding } from '../model/report-model.js';
import '../reports.tables.js';

export const DEFAULT_COLOUR = '#b4532a';
/** The longest logo data: URL accepted, in characters (≈ 150 kB of image once decoded). */
export const MAX_LOGO_CHARS = 200 * 1024;
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;

const DATA_URL = /^data:(image\/png|image\/jpeg|image\/svg\+xml);base64,([A-Za-z0-9+/]+={0,2})$/;

/** What makes an SVG able to act: refused. */
const SVG_DANGERS: { pattern: RegExp; why: string }[] = [
  { pattern: /<\s*script/i, why: 'a <script>' },
  { pattern: /\son[a-z]+\s*=/i, why: 'an event handler attribute (on…=)' },
  { pattern: /javascript:/i, why: 'a javascript: URL' },
  { pattern: /<\s*foreignObject/i, why: 'a <foreignObject>' },
  { pattern: /<!\s*(DOCTYPE|ENTITY)/i, why: 'a DOCTYPE or entity declaration' },
  { pattern: /<\s*(iframe|embed|object|use)\b/i, why: 'an embedded document or <use>' },
  { pattern: /\bhref\s*=\s*["']\s*(?!#|data:image\/(png|jpeg);)/i, why: 'a link to another document' },
  { pattern: /\bhref\s*=\s*(?!["'#\s])/i, why: 'a link to another document' },
  { pattern: /url\(\s*["']\s*(?!#)/i, why: 'an external url(…)' },
  { pattern: /url\(\s*(?!["'#\s])/i, why: 'an external url(…)' },
  { pattern: /@import/i, why: 'a CSS @import' },
];

/** Checks a logo; returns it unchanged or throws a 400 saying what is wrong. */
export function validateLogo(dataUrl: string): string {
  if (dataUrl.length > MAX_LOGO_CHARS) {
    throw invalid('logoDataUrl', `is ${Math.ceil(dataUrl.length / 1024)} kB; the logo may be at most 200 kB (as a data: URL)`);
  }
  const match = DATA_URL.exec(dataUrl);
  if (!match) {
    throw invalid('logoDataUrl', 'must be a base64 data: URL of a PNG, JPEG or SVG image (data:image/png;base64,…)');
  }
  const type = match[1];
  const bytes = Buffer.from(match[2] ?? '', 'base64');
  if (type === 'image/png' && !bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    throw invalid('logoDataUrl', 'says PNG but is not a PNG image');
  }
  if (type === 'image/jpeg' && !(bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)) {
    throw invalid('logoDataUrl', 'says JPEG but is not a JPEG image');
  }
  if (type === 'image/svg+xml') {
    const text = bytes.toString('utf8');
    if (!/<svg[\s>]/i.test(text)) {
      throw invalid('logoDataUrl', 'says SVG but holds no <svg> element');
    }
    const danger = SVG_DANGERS.find((entry) => entry.pattern.test(text));
    if (danger) {
      throw invalid('logoDataUrl', `this SVG contains ${danger.why}: export it as a plain SVG, or use a PNG`);
    }
  }
  return dataUrl;
}

/** The workspace's branding, defaults when none was set. */
export async function brandingOf(db: Kysely<Database>, workspaceId: string): Promise<Branding> {
  const row = await db.selectFrom('report_branding').select(['logo_data_url', 'colour']).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return { logoDataUrl: row?.logo_data_url ?? null, colour: row?.colour ?? DEFAULT_COLOUR };
}

export async function getBranding(db: Kysely<Database>, access: WorkspaceAccess): Promise<Branding> {
  authorize(access.role, 'reports.read');
  return brandingOf(db, access.workspaceId);
}

/** Sets the logo (null removes it) and the colour; audited. */
export async function updateBranding(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  input: { logoDataUrl: string | null; colour: string },
): Promise<Branding> {
  authorize(access.role, 'reports.manage');
  if (!COLOUR_PATTERN.test(input.colour)) {
    throw invalid('colour', 'must be #rrggbb (six hexadecimal digits)');
  }
  const logo = input.logoDataUrl === null ? null : validateLogo(input.logoDataUrl);
  const colour = input.colour.toLowerCase();
  const now = isoNow(clock);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_branding')
      .values({ workspace_id: access.workspaceId, logo_data_url: logo, colour, updated_at: now })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ logo_data_url: logo, colour, updated_at: now }))
      .execute();
    await recordAudit(trx, clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'reports.branding_changed',
      details: { colour, logo: logo === null ? null : (logo.slice(5, logo.indexOf(';')) || 'image') },
    });
  });
  return { logoDataUrl: logo, colour };
}
