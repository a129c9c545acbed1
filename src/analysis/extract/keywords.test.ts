import { describe, expect, it } from 'vitest';
import { extractKeywords } from './keywords.js';

describe('extractKeywords', () => {
  it('finds French key phrases, lower-cased, accents kept, stop words and elisions out', () => {
    const keywords = extractKeywords(
      "Livraison en retard depuis lundi : l'équipe du service client ne répond pas. Livraison annulée ?",
      'fr',
    );
    expect(keywords).toContain('service client');
    expect(keywords).toContain('équipe');
    expect(keywords.some((k) => k.includes('livraison'))).toBe(true);
    expect(keywords).not.toContain('depuis');
    expect(keywords).not.toContain("l'équipe");
  });

  it('finds English key phrases and leaves links, handles, hashtags and numbers out', () => {
    const keywords = extractKeywords(
      'The new battery pack lasts 12 hours! Thanks @gadgetco https://example.com/pack #BatteryLife 2026',
      'en',
    );
    expect(keywords).toContain('new battery pack');
    expect(keywords).toContain('hours');
    expect(keywords.join(' ')).not.toMatch(/gadgetco|example|batterylife|12|2026|thanks/);
  });

  it('returns at most eight and nothing for empty or stop-word-only text', () => {
    expect(extractKeywords('', 'en')).toEqual([]);
    expect(extractKeywords('et le la les de du', 'fr')).toEqual([]);
    const many = extractKeywords(
      'alpha, bravo, charlie, delta, echo, foxtrot, golf, hotel, india, juliet',
      'en',
    );
    expect(many).toHaveLength(8);
  });
});
