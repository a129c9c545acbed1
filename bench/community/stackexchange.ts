/**
 * Reads a Stack Exchange data dump (../shared/datasets/stackexchange-history-meta: History Meta,
 * 2011–2023, CC BY-SA, see its SOURCE.txt) as Hearth's generic activity rows:
 *   - a question (PostTypeId 1): type 'question', no target;
 *   - an answer (PostTypeId 2): type 'answer', target = the question's owner;
 *   - a comment (Comments.xml): type 'comment', target = the owner of the post it comments.
 * Rows of the "Community" user (-1) and rows without a user (deleted accounts) are skipped; a target
 * that is -1 or unknown is left out. Also the badges each member earned (Badges.xml).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/listening/import/csv.js';

export interface ActivityLine {
  /** The member's account id on the site. */
  person: string;
  network: 'stackexchange';
  type: 'question' | 'answer' | 'comment';
  /** ISO-8601, UTC. */
  at: string;
  text: string | null;
  target: string | null;
  /** `post:<Id>` or `comment:<Id>`: the import's dedupe key becomes `stackexchange:<id>`. */
  id: string;
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** XML attribute text → text. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) {
      return String.fromCodePoint(parseInt(entity.slice(1), 10));
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** The attributes of every `<row … />` of a dump's XML file (one row per line, as the dumps are). */
export function* xmlRows(xml: string): Generator<Record<string, string>> {
  const row = /<row\s([^>]*?)\/>/g;
  const attribute = /([A-Za-z]+)="([^"]*)"/g;
  for (let match = row.exec(xml); match; match = row.exec(xml)) {
    const out: Record<string, string> = {};
    for (let a = attribute.exec(match[1] ?? ''); a; a = attribute.exec(match[1] ?? '')) {
      out[a[1] ?? ''] = decodeXml(a[2] ?? '');
    }
    attribute.lastIndex = 0;
    yield out;
  }
}

/** The dumps' times are UTC without a zone: "2011-10-11T19:42:20.713". */
const utc = (value: string): string =>
  new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`).toISOString();

const member = (id: string | undefined): string | null => (id && id !== '-1' && /^\d+$/.test(id) ? id : null);

const plainText = (html: string, max = 500): string =>
  decodeXml(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

export interface StackExchangeData {
  rows: ActivityLine[];
  /** Badges earned, per member id. */
  badges: Map<string, number>;
  /** Rows skipped: Community user, deleted accounts, other post types. */
  skipped: number;
}

async function* chunksOf(path: string): AsyncGenerator<string> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    yield chunk as string;
  }
}

export async function readStackExchange(folder: string): Promise<StackExchangeData> {
  const rows: ActivityLine[] = [];
  let skipped = 0;
  interface Post {
    id: string;
    type: string;
    parent: string;
    owner: string | null;
    at: string;
    text: string;
  }
  const posts: Post[] = [];
  let header: string[] | undefined;
  for await (const record of parseCsv(chunksOf(join(folder, 'Posts.csv')))) {
    if (!header) {
      header = record.fields;
      continue;
    }
    const field = (name: string): string => record.fields[header?.indexOf(name) ?? -1] ?? '';
    posts.push({
      id: field('Id'),
      type: field('PostTypeId'),
      parent: field('ParentId'),
      owner: member(field('OwnerUserId')),
      at: field('CreationDate'),
      text:
        field('PostTypeId') === '1' ? field('Title') || plainText(field('Body')) : plainText(field('Body')),
    });
  }
  const ownerOf = new Map(posts.map((post) => [post.id, post.owner]));
  for (const post of posts) {
    if ((post.type !== '1' && post.type !== '2') || post.owner === null || !post.at) {
      skipped += 1;
      continue;
    }
    rows.push({
      person: post.owner,
      network: 'stackexchange',
      type: post.type === '1' ? 'question' : 'answer',
      at: utc(post.at),
      text: post.text || null,
      target: post.type === '2' ? (ownerOf.get(post.parent) ?? null) : null,
      id: `post:${post.id}`,
    });
  }
  for (const comment of xmlRows(readFileSync(join(folder, 'Comments.xml'), 'utf8'))) {
    const person = member(comment.UserId);
    if (person === null || !comment.CreationDate) {
      skipped += 1;
      continue;
    }
    rows.push({
      person,
      network: 'stackexchange',
      type: 'comment',
      at: utc(comment.CreationDate),
      text: comment.Text ? comment.Text.slice(0, 500) : null,
      target: ownerOf.get(comment.PostId ?? '') ?? null,
      id: `comment:${comment.Id ?? ''}`,
    });
  }
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const badges = new Map<string, number>();
  for (const badge of xmlRows(readFileSync(join(folder, 'Badges.xml'), 'utf8'))) {
    const person = member(badge.UserId);
    if (person !== null) {
      badges.set(person, (badges.get(person) ?? 0) + 1);
    }
  }
  return { rows, badges, skipped };
}
