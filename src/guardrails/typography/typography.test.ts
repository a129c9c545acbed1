import { describe, expect, it } from 'vitest';
import { checkTypography } from './typography.js';

const rules = (text: string, language: 'fr' | 'en'): string[] => checkTypography(text, language).map((f) => f.rule);
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('French spacing and apostrophes', () => {
  it('asks for a no-break space before ; : ! ? when it is missing or plain', () => {
    const text = 'Bonne nouvelle! Les inscriptions ouvrent : venez vite ?';
    const findings = checkTypography(text, 'fr').filter((f) => f.rule === 'typography.fr-space-before-punctuation');
    expect(findings.map((f) => [f.text, f.suggestions[0]])).toEqual([
      ['!', `${NNBSP}!`],
      [' :', `${NBSP}:`],
      [' ?', `${NNBSP}?`],
    ]);
    expect(findings[0]?.severity).toBe('suggestion');
  });

  it('accepts correct spacing, times, smileys and links', () => {
    const text = `Bonne nouvelle${NNBSP}! Rendez-vous à 10:30${NBSP}: https://example.com/a?b=c merci :) et :-( ou ;)`;
    expect(rules(text, 'fr')).toEqual([]);
  });

  it('asks for no-break spaces inside guillemets', () => {
    const findings = checkTypography('Il a dit «bonjour» puis « au revoir ».', 'fr');
    expect(findings.map((f) => [f.rule, f.text])).toEqual([
      ['typography.fr-guillemets-space', '«'],
      ['typography.fr-guillemets-space', '»'],
      ['typography.fr-guillemets-space', '« '],
      ['typography.fr-guillemets-space', ' »'],
    ]);
    expect(rules(`Il a dit «${NNBSP}bonjour${NNBSP}».`, 'fr')).toEqual([]);
  });

  it('suggests the curly apostrophe', () => {
    const [finding] = checkTypography("L'équipe vous répond.", 'fr');
    expect(finding).toMatchObject({ rule: 'typography.fr-apostrophe', start: 1, end: 2, suggestions: ['’'], severity: 'suggestion' });
    expect(rules('L’équipe vous répond.', 'fr')).toEqual([]);
  });
});

describe('English spacing', () => {
  it('flags a space before ; : ! ?', () => {
    const [finding] = checkTypography('Great news ! Tickets are out.', 'en');
    expect(finding).toMatchObject({ rule: 'typography.en-space-before-punctuation', text: ' !', suggestions: ['!'] });
    expect(rules('Great news! Doors open at 10:30; see you there :)', 'en')).toEqual([]);
  });
});

describe('mechanics', () => {
  it('flags doubled words but not reflexive nous nous / vous vous', () => {
    const [finding] = checkTypography('Thanks for the the feedback.', 'en');
    expect(finding).toMatchObject({ rule: 'typography.doubled-word', text: 'the the', severity: 'warning', suggestions: ['the'] });
    expect(rules('Nous nous retrouvons demain, vous vous joignez à nous.', 'fr')).toEqual([]);
    expect(rules('On se voit le le 12 mai.', 'fr')).toContain('typography.doubled-word');
  });

  it('flags doubled spaces between words only', () => {
    const [finding] = checkTypography('See you  soon.', 'en');
    expect(finding).toMatchObject({ rule: 'typography.doubled-space', start: 7, end: 9, suggestions: [' '] });
    expect(rules('  See you soon.\n  Indented line.', 'en')).toEqual([]);
  });

  it('flags SHOUTING but lets acronyms pass', () => {
    const [finding] = checkTypography('This is the BEST SALE EVER for our members.', 'en');
    expect(finding).toMatchObject({ rule: 'typography.shouting', text: 'BEST SALE EVER', severity: 'warning' });
    expect(rules('NASA and the FBI joined our UX meetup.', 'en')).toEqual([]);
    expect(rules('ON EST OUVERT DEMAIN', 'fr')).toEqual(['typography.shouting']);
  });

  it('flags runs of !!! and ???, not a single ?!', () => {
    const [finding] = checkTypography('We did it!!! Really???', 'en');
    expect(finding).toMatchObject({ rule: 'typography.repeated-punctuation', text: '!!!', severity: 'warning', suggestions: ['!'] });
    expect(rules('Really?! Yes.', 'en')).toEqual([]);
  });

  it('points at the unmatched bracket or quote', () => {
    const text = 'Our new app (free for members is out. He said “wow.';
    const findings = checkTypography(text, 'en');
    expect(findings.map((f) => [f.rule, f.start])).toEqual([
      ['typography.unbalanced-bracket', text.indexOf('(')],
      ['typography.unbalanced-quote', text.indexOf('“')],
    ]);
    expect(checkTypography('Done] now', 'en')[0]).toMatchObject({ rule: 'typography.unbalanced-bracket', start: 4 });
    expect(checkTypography('Il a dit "bonjour', 'en')[0]).toMatchObject({ rule: 'typography.unbalanced-quote', start: 9 });
    expect(rules('Our app (free) is out :) and “wow” [see] {x} 1) first 2) second ;-)', 'en')).toEqual([]);
  });

  it('ignores links, handles and hashtags', () => {
    expect(rules('Thanks @the_the_band! See https://ex.com/a(b and #WOW #WOW #WOW', 'en')).toEqual([]);
  });
});
