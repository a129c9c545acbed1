/**
 * Dates a text announces — "le 12 mars", "March 12, 2026", "2026-03-12", "this Friday", "ce soir à
 * 20h", "tomorrow" — resolved to a local calendar day relative to the publish time.
 *
 * Conventions: relative days ("tomorrow", "demain") count from the publish day, so they are never
 * past; "this Friday" / "ce vendredi" is the Friday of the publish day's week (Monday to Sunday); a
 * bare weekday or "next Friday" means the next one and is never past; a date without a year is in
 * the publish year, or the next one when that would put it more than six months back.
 */
import { toOriginal, type FoldedText, type Span } from '../text/folded-text.js';
import type { CheckLanguage } from '../types.js';
import { validDay, type LocalMoment } from './zoned-time.js';

export interface DateMention extends Span {
  day: number;
  /** Minutes since local midnight, when a time is given ("à 20h", "at 8pm"). */
  minutes?: number;
}

const MONTHS_FR = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];
const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS_EN_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const HALF_YEAR_DAYS = 183;

const MONTH_EN = `${MONTHS_EN.join('|')}|(?:${MONTHS_EN_SHORT.join('|')})\\.?`;
const ORDINAL = '(?:st|nd|rd|th|er)?';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const EXPLICIT = new RegExp(
  [
    `${B}(?<d1>\\d{1,2})${ORDINAL} (?:of )?(?<m1>${MONTHS_FR.join('|')}|${MONTH_EN})(?:,? (?<y1>\\d{4}))?${E}`,
    `${B}(?<m2>${MONTH_EN}) (?<d2>\\d{1,2})${ORDINAL}(?:,? (?<y2>\\d{4}))?${E}`,
    `${B}(?<y3>\\d{4})-(?<m3>\\d{2})-(?<d3>\\d{2})${E}`,
    `${B}(?<a4>\\d{1,2})/(?<b4>\\d{1,2})/(?<y4>\\d{4})${E}`,
  ].join('|'),
  'gu',
);
const THIS_WEEKDAY = new RegExp(
  `${B}(?:this|ce) (?<w>${[...WEEKDAYS_EN, ...WEEKDAYS_FR].join('|')})${E}(?! (?:prochain|next))`,
  'gu',
);
const RELATIVE = new RegExp(
  `${B}(?<r>today|tonight|this (?:morning|afternoon|evening)|aujourd'hui|ce (?:soir|matin)|cet apres midi|cette apres midi|the day after tomorrow|tomorrow|apres demain|demain)${E}`,
  'gu',
);
const RELATIVE_OFFSET: Readonly<Record<string, number>> = {
  'the day after tomorrow': 2,
  'apres demain': 2,
  tomorrow: 1,
  demain: 1,
};
// "à 20h", "à 20 h 30", "at 8pm", "at 20:00", "dès 18h": just after a day.
const TIME = /^,? (?:a|at|des|vers|from|de) (\d{1,2})(?: ?h ?(\d{2})?|:(\d{2}))? ?(am|pm)?(?![\p{L}\p{N}])/u;
// A date after "since"/"depuis" looks back on purpose.
const LOOKING_BACK = /(?:since|depuis|depuis le|from) $/u;

/** Dates announced in `folded`, resolved against `publish` (the publish moment in the workspace's zone). */
export function findDateMentions(
  folded: FoldedText,
  language: CheckLanguage,
  publish: LocalMoment,
): DateMention[] {
  const text = folded.text;
  const mentions: DateMention[] = [];
  const add = (from: number, to: number, day: number | undefined): void => {
    if (day === undefined || LOOKING_BACK.test(text.slice(Math.max(0, from - 12), from))) {
      return;
    }
    const time = TIME.exec(text.slice(to));
    const minutes = time ? clock(time) : undefined;
    const end = time && minutes !== undefined ? to + time[0].length : to;
    mentions.push({ ...toOriginal(folded, from, end), day, ...(minutes === undefined ? {} : { minutes }) });
  };
  for (const match of text.matchAll(EXPLICIT)) {
    add(match.index, match.index + match[0].length, explicitDay(match.groups ?? {}, language, publish));
  }
  for (const match of text.matchAll(THIS_WEEKDAY)) {
    const name = match.groups?.w ?? '';
    const weekday = (WEEKDAYS_EN.indexOf(name) + 1 || WEEKDAYS_FR.indexOf(name) + 1) - 1;
    add(match.index, match.index + match[0].length, publish.day - publish.weekday + weekday);
  }
  for (const match of text.matchAll(RELATIVE)) {
    add(
      match.index,
      match.index + match[0].length,
      publish.day + (RELATIVE_OFFSET[match.groups?.r ?? ''] ?? 0),
    );
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function explicitDay(
  groups: Record<string, string | undefined>,
  language: CheckLanguage,
  publish: LocalMoment,
): number | undefined {
  let day: number;
  let month: number;
  let year: number | undefined;
  if (groups.d1 !== undefined || groups.d2 !== undefined) {
    day = Number(groups.d1 ?? groups.d2);
    month = monthIndex(groups.m1 ?? groups.m2 ?? '') + 1;
    const written = groups.y1 ?? groups.y2;
    year = written === undefined ? undefined : Number(written);
  } else if (groups.y3 !== undefined) {
    [year, month, day] = [Number(groups.y3), Number(groups.m3), Number(groups.d3)];
  } else {
    const [first, second] = [Number(groups.a4), Number(groups.b4)];
    // Day first in French, month first in English.
    [day, month] = language === 'fr' ? [first, second] : [second, first];
    year = Number(groups.y4);
  }
  if (month < 1) {
    return undefined;
  }
  if (year !== undefined) {
    return validDay(year, month, day);
  }
  const thisYear = validDay(publish.year, month, day);
  if (thisYear !== undefined && thisYear < publish.day - HALF_YEAR_DAYS) {
    return validDay(publish.year + 1, month, day);
  }
  return thisYear;
}

function monthIndex(name: string): number {
  const bare = name.replace('.', '');
  const fr = MONTHS_FR.indexOf(bare);
  if (fr >= 0) {
    return fr;
  }
  const en = MONTHS_EN.indexOf(bare);
  return en >= 0 ? en : MONTHS_EN_SHORT.indexOf(bare);
}

function clock(time: RegExpExecArray): number | undefined {
  const [, hourText, hMinutes, colonMinutes, meridiem] = time;
  // A bare number after "at" is not a time ("at 3 stores"): require h, :mm or am/pm.
  if (!time[0].includes('h') && colonMinutes === undefined && meridiem === undefined) {
    return undefined;
  }
  let hour = Number(hourText);
  if (meridiem === 'pm' && hour < 12) {
    hour += 12;
  } else if (meridiem === 'am' && hour === 12) {
    hour = 0;
  }
  const minutes = Number(hMinutes ?? colonMinutes ?? 0);
  return hour < 24 && minutes < 60 ? hour * 60 + minutes : undefined;
}
