/** Question cues: interrogative openings, indirect questions, rhetorical forms. */
import type { CueList } from '../cue-matcher.js';

/** Interrogative words or auxiliary inversions at the start of a clause. */
export const QUESTION_OPENERS: CueList = {
  en: [
    // "what a mess!" and "how nice" are exclamations, not questions.
    'what(?! an? )',
    'how(?! (?:nice|sweet|cute|cool|lovely|great|awesome|amazing|sad|rude|stupid|dare|annoying|embarrassing|pathetic|ridiculous)[^a-z?]*(?:[.!]|$))',
    'when (?:is|are|was|will|do|does|did|can|should|would)',
    'where',
    'why',
    'who',
    'which',
    'whose',
    '(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|may|have|has|am)(?: (?:you|u|ya|i|we|they|it|there|this|that|my|your|the|anyone|anybody|someone|he|she|these|those|any))',
    "(?:isn't|aren't|doesn't|don't|didn't|can't|won't|wouldn't|shouldn't|haven't|hasn't) (?:you|u|it|there|this|that|they|i|we)",
    'any (?:idea|ideas|news|update|updates|chance|plans|way|reason|eta)',
    'anyone (?:know|else|have|tried|got)',
    'anybody (?:know|else|have|tried|got)',
  ],
  fr: [
    'comment(?! dire| ca va mal)',
    'pourquoi',
    'quand',
    'ou (?:est|sont|en est|en sont|puis|peut|trouver|acheter|se trouve|avez|etes|je peux|on peut)',
    'qui (?:peut|sait|a |est)',
    'quel(?:le)?s? (?:est|sont|etait|sera|serait|delai|prix|taille|heure|jour|date|horaire)',
    'combien',
    "est-ce qu(?:e|'[a-z]*)",
    "qu'est-ce",
    "qu'en est-il",
    'y a-t-il',
    "n'y a-t-il",
    'a-t-(?:il|elle|on)',
    'peut-on',
    'puis-je',
    'dois-je',
    'faut-il',
    'sait-on',
    // Verb-subject inversion: "pouvez-vous", "livrez-vous", "avez-vous", "as-tu".
    '(?!rendez)[a-z]{2,}-(?:vous|tu|il|elle|ils|elles|on|je)',
    'vous (?:savez|pensez|avez|auriez|pourriez|livrez|faites|vendez|etes) (?:si|quand|ou|comment|combien)',
    "quelqu'un (?:sait|a |aurait|peut|connait)",
    'une idee',
    'des nouvelles',
  ],
  es: ['como', 'que (?!bien|mal|bonito|guay)', 'cuando', 'donde', 'por que', 'cuanto', 'cual', 'quien', 'puedo', 'pueden', 'podrian', 'hay', 'tienen', 'alguien sabe'],
  de: ['wie', 'was', 'wann', 'wo', 'warum', 'wieso', 'weshalb', 'welche[rsmn]?', 'wer', 'kann (?:ich|man)', 'koennt ihr', 'koennen sie', 'gibt es', 'habt ihr', 'haben sie', 'ist (?:das|es)', 'weiss jemand'],
  it: ['come', 'cosa', 'che cosa', 'quando', 'dove', 'perche', 'quanto', 'quale', 'chi', 'posso', 'potete', 'potreste', "c'e", 'avete', 'qualcuno sa'],
  pt: ['como', 'o que', 'quando', 'onde', 'por que', 'porque', 'quanto', 'qual', 'quem', 'posso', 'podem', 'poderiam', 'tem como', 'voces tem', 'alguem sabe'],
};

/** Indirect questions and explicit asks for information, anywhere in the text. */
export const QUESTION_EMBEDDED: CueList = {
  en: [
    'i (?:was )?wonder(?:ing)?',
    'does anyone know',
    'do you (?:know|have|guys)',
    'can (?:you|u|someone|anyone) (?:tell|explain|confirm|let me know|advise)',
    'could (?:you|u|someone|anyone) (?:tell|explain|confirm|let me know|advise)',
    'please (?:advise|confirm|let me know|tell me|explain)',
    'let me know (?:if|when|how|what|where|why)',
    'tell me (?:if|when|how|what|where|why)',
    'not sure (?:if|how|what|whether|when|where)',
    'any (?:idea|ideas|update|news|eta)',
    'is it (?:possible|normal|true)',
  ],
  fr: [
    'je me demande',
    'je me demandais',
    'savez-vous',
    'sauriez-vous',
    'pourriez-vous (?:me dire|m.indiquer|confirmer|preciser|expliquer)',
    'pouvez-vous (?:me dire|m.indiquer|confirmer|preciser|expliquer)',
    'dites-moi (?:si|quand|comment|ou|pourquoi|combien)',
    'je (?:ne )?sais pas (?:si|comment|ou|quand|pourquoi)',
    'est-il possible',
    'une idee',
    'des nouvelles',
    "quelqu'un (?:sait|saurait|a une idee)",
  ],
  es: ['me pregunto', 'alguien sabe', 'me pueden decir', 'me podrian decir', 'es posible'],
  de: ['ich frage mich', 'weiss jemand', 'koennt ihr mir sagen', 'ist es moeglich'],
  it: ['mi chiedo', 'qualcuno sa', 'potete dirmi', 'e possibile'],
  pt: ['me pergunto', 'alguem sabe', 'podem me dizer', 'e possivel'],
};

/** Question marks that vent rather than ask: "Really?!", "seriously???", "srsly?". */
export const RHETORICAL: CueList = {
  en: ['(?:really|seriously|srsly|wtf|what the hell|are you kidding me|are you serious|you kidding|how hard can it be|who does that|why me|smh)\\s*\\?+!*'],
  fr: ['(?:vraiment|serieux|serieusement|sans blague|c.est une blague|vous vous foutez de moi|vous etes serieux|non mais allo|allo)\\s*\\?+!*'],
  es: ['(?:en serio|de verdad|es broma)\\s*\\?+!*'],
  de: ['(?:echt jetzt|ernsthaft|im ernst)\\s*\\?+!*'],
  it: ['(?:sul serio|davvero|ma scherzate)\\s*\\?+!*'],
  pt: ['(?:serio|e serio|ta de brincadeira)\\s*\\?+!*'],
};
