import { describe, expect, it } from 'vitest';
import { checkReplyTone } from './check-reply-tone.js';
import type { ToneSignals } from './signals.js';

const calm: ToneSignals = {
  replySentiment: { negative: 0.1, neutral: 0.6, positive: 0.3 },
  replyOffensive: 0.05,
};
const angryCustomer = { negative: 0.85, neutral: 0.1, positive: 0.05 };

function rules(
  reply: string,
  language: 'fr' | 'en',
  original?: string,
  signals: ToneSignals = calm,
): string[] {
  return checkReplyTone({ reply, original, language, signals }).map((f) => `${f.rule}:${f.text}`);
}

describe('aggressive', () => {
  it('flags insults from the lexicon, French and English', () => {
    expect(rules("C'est complètement ridicule, lisez la notice.", 'fr')).toEqual([
      'tone.aggressive:ridicule',
    ]);
    expect(rules('Only an idiot would plug it in wet.', 'en')).toEqual(['tone.aggressive:idiot']);
    expect(rules('Quelle question stupide.', 'fr')).toEqual(['tone.aggressive:stupide']);
  });
  it('flags a reply the model finds offensive, spanning the text', () => {
    const findings = checkReplyTone({
      reply: ' Get lost. ',
      language: 'en',
      signals: { ...calm, replyOffensive: 0.93 },
    });
    expect(findings.map((f) => [f.rule, f.severity, f.text])).toEqual([
      ['tone.aggressive', 'error', 'Get lost.'],
    ]);
  });
  it('blocks only a confident decision: a borderline one is a warning', () => {
    const severities = (offensive: number): string[] =>
      checkReplyTone({ reply: 'Get lost.', language: 'en', signals: { ...calm, replyOffensive: offensive, replyOffensiveFlagged: true } }).map((f) => f.severity);
    expect(severities(0.45)).toEqual(['warning']);
    expect(severities(0.85)).toEqual(['error']);
  });
  it("follows the model's own decision when given", () => {
    expect(
      rules('Get lost.', 'en', undefined, { ...calm, replyOffensive: 0.5, replyOffensiveFlagged: true }),
    ).toEqual(['tone.aggressive:Get lost.']);
    expect(
      rules('Get lost.', 'en', undefined, { ...calm, replyOffensive: 0.9, replyOffensiveFlagged: false }),
    ).toEqual([]);
  });
  it('accepts a courteous reply', () => {
    expect(rules('Merci pour votre message, nous regardons cela tout de suite.', 'fr')).toEqual([]);
    expect(rules('Thanks for flagging this, we are looking into it now.', 'en')).toEqual([]);
  });
});

describe('defensive', () => {
  it('flags blame phrases with their span, English', () => {
    expect(rules("As we already said, it's not our fault: you should have read the manual.", 'en')).toEqual([
      'tone.defensive:As we already said',
      "tone.defensive:it's not our fault",
      'tone.defensive:you should have read',
    ]);
    expect(rules('Calm down, please.', 'en')).toEqual(['tone.defensive:Calm down']);
  });
  it('flags blame phrases with their span, French, curly apostrophes and hyphens included', () => {
    expect(
      rules('Comme déjà indiqué, ce n’est pas de notre faute. Calmez-vous et relisez les conditions.', 'fr'),
    ).toEqual([
      'tone.defensive:Comme déjà indiqué',
      'tone.defensive:ce n’est pas de notre faute',
      'tone.defensive:Calmez-vous',
      'tone.defensive:relisez',
    ]);
    expect(rules('Vous auriez dû nous prévenir avant.', 'fr')).toEqual(['tone.defensive:Vous auriez dû']);
  });
  it('accepts an apology that owns the problem', () => {
    expect(rules("We're sorry, the mistake is ours and we will refund you today.", 'en')).toEqual([]);
    expect(
      rules("Nous sommes désolés, l'erreur vient de nous : vous serez remboursé aujourd'hui.", 'fr'),
    ).toEqual([]);
  });
});

describe('sarcastic', () => {
  it('flags sarcastic markers', () => {
    expect(rules('Oh great, another complaint.', 'en')).toEqual(['tone.sarcastic:Oh great']);
    expect(rules('Bravo… vous avez trouvé le bouton.', 'fr')).toEqual(['tone.sarcastic:Bravo…']);
    expect(rules('Merci pour rien.', 'fr')).toEqual(['tone.sarcastic:Merci pour rien']);
    expect(rules('You checked the settings... sure.', 'en')).toEqual(['tone.sarcastic:... sure']);
  });
  it("flags scare quotes around the customer's own words", () => {
    const original = 'My order arrived broken and nobody answers!';
    expect(rules('Your "broken" order was checked before it left.', 'en', original)).toEqual([
      'tone.sarcastic:"broken"',
    ]);
    expect(rules('Votre colis « abîmé » a été vérifié.', 'fr', 'Mon colis est arrivé abîmé.')).toEqual([
      'tone.sarcastic:« abîmé »',
    ]);
  });
  it('accepts quotes of other words, and sincere thanks and praise', () => {
    expect(rules('Try the "Reset" button in Settings.', 'en', 'My order arrived broken.')).toEqual([]);
    expect(rules('Bravo pour votre victoire, et merci pour votre fidélité !', 'fr')).toEqual([]);
    expect(rules('Great news: your refund is on its way.', 'en')).toEqual([]);
  });
});

describe('negative to negative', () => {
  const negativeReply: ToneSignals = {
    replySentiment: { negative: 0.7, neutral: 0.2, positive: 0.1 },
    replyOffensive: 0.1,
    originalSentiment: angryCustomer,
  };
  it('warns when a negative reply answers a negative message', () => {
    const findings = checkReplyTone({
      reply: 'This is a really bad take on our product.',
      original: 'Your product is terrible.',
      language: 'en',
      signals: negativeReply,
    });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['tone.negative-to-negative', 'warning']]);
  });
  it('stays quiet for a neutral reply to a negative message, and for a post without original', () => {
    const neutralReply: ToneSignals = { ...calm, originalSentiment: angryCustomer };
    expect(
      rules(
        'Nous sommes désolés, un conseiller vous écrit en message privé.',
        'fr',
        'Service client nul.',
        neutralReply,
      ),
    ).toEqual([]);
    expect(rules('This is a really bad take on our product.', 'en', undefined, negativeReply)).toEqual([]);
  });
});
