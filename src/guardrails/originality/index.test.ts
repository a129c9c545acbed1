import { describe, expect, it } from 'vitest';
import { createOriginalityIndex, restoreOriginalityIndex, type OriginalityIndex } from './index.js';

// Texts written for these tests.
const LAUNCH =
  'Our new solar lantern charges in four hours and lights a whole campsite for two nights, even in the rain.';
const RECIPE =
  'Soak the chickpeas overnight, simmer them with a bay leaf and a pinch of cumin, then blend with tahini and lemon.';
const FRENCH =
  'Notre équipe répond à toutes vos questions du lundi au vendredi, de neuf heures à dix-huit heures, sans exception.';
const UNRELATED =
  'The library opens a new reading corner for teenagers next month with comics, board games and quiet desks.';

function build(): OriginalityIndex {
  const index = createOriginalityIndex();
  index.add({ id: 'comp-1', text: LAUNCH, kind: 'competitor' });
  index.add({ id: 'feed-7', text: RECIPE, kind: 'ingested' });
  index.add({ id: 'own-3', text: FRENCH, kind: 'own' });
  return index;
}

describe('originality index', () => {
  it('flags an exact copy as a near-copy error naming the source', () => {
    const [finding, ...rest] = build().check(LAUNCH);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'originality.near-copy',
      category: 'originality',
      severity: 'error',
      sourceId: 'comp-1',
      similarity: 1,
      start: 0,
      end: LAUNCH.length - 1,
    });
    expect(finding?.message).toContain("a competitor's post (comp-1)");
  });

  it('sees through case, hashtag, emoji, handle and link edits', () => {
    const edited =
      'OUR NEW #Solar lantern 🔆 charges in four hours and lights a whole #campsite for two nights, even in the rain!! @shop https://t.co/x';
    const findings = build().check(edited);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'originality.near-copy',
      severity: 'error',
      sourceId: 'comp-1',
    });
    expect(findings[0]?.similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('highlights a copied passage inside an original text as a partial copy', () => {
    const passage = 'simmer them with a bay leaf and a pinch of cumin';
    const text = `For our stall this weekend we tried something new: ${passage.toUpperCase()}, and people queued all afternoon for a taste.`;
    const findings = build().check(text);
    expect(findings).toHaveLength(1);
    const finding = findings[0];
    expect(finding).toMatchObject({
      rule: 'originality.partial-copy',
      severity: 'warning',
      sourceId: 'feed-7',
    });
    expect(finding?.text).toBe(passage.toUpperCase());
    expect(text.slice(finding?.start, finding?.end)).toBe(passage.toUpperCase());
    expect(finding?.message).toContain('an ingested item (feed-7)');
  });

  it('folds French accents, and treats a repeat of an own post as a warning', () => {
    const unaccented =
      'Notre equipe repond a toutes vos questions du lundi au vendredi, de neuf heures a dix-huit heures, sans exception.';
    const [finding] = build().check(unaccented);
    expect(finding).toMatchObject({ rule: 'originality.near-copy', severity: 'warning', sourceId: 'own-3' });
    expect(finding?.message).toContain('one of your own posts');
  });

  it('finds nothing in unrelated or very short texts', () => {
    const index = build();
    expect(index.check(UNRELATED)).toEqual([]);
    expect(index.check('Our new solar lantern')).toEqual([]);
  });

  it('honours excludeIds and remove()', () => {
    const index = build();
    expect(index.check(LAUNCH, { excludeIds: ['comp-1'] })).toEqual([]);
    expect(index.remove('comp-1')).toBe(true);
    expect(index.remove('comp-1')).toBe(false);
    expect(index.size).toBe(2);
    expect(index.check(LAUNCH)).toEqual([]);
    index.add({ id: 'comp-1', text: LAUNCH, kind: 'competitor' });
    expect(index.check(LAUNCH)).toHaveLength(1);
  });

  it('replaces a document added again under the same id', () => {
    const index = build();
    index.add({ id: 'comp-1', text: UNRELATED, kind: 'competitor' });
    expect(index.size).toBe(3);
    expect(index.check(LAUNCH)).toEqual([]);
    expect(index.check(UNRELATED)[0]?.sourceId).toBe('comp-1');
  });

  it('round-trips through serialize and restore', () => {
    const index = build();
    index.remove('feed-7');
    const bytes = index.serialize();
    const restored = restoreOriginalityIndex(bytes);
    expect(restored.size).toBe(2);
    expect(restored.check(LAUNCH)).toEqual(index.check(LAUNCH));
    expect(restored.check(RECIPE)).toEqual([]);
    expect(restored.serialize()).toEqual(bytes);
    expect(() => restoreOriginalityIndex(new Uint8Array([1, 2, 3]))).toThrow(/snapshot/);
    expect(() => restoreOriginalityIndex(bytes.subarray(0, bytes.length - 3))).toThrow(/snapshot/);
  });

  it('is deterministic across indexes', () => {
    const text = `${LAUNCH} ${RECIPE}`;
    expect(build().check(text)).toEqual(build().check(text));
    expect(build().serialize()).toEqual(build().serialize());
  });
});
