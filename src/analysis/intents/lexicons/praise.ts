/** Praise cues: thanks, love, compliments; and the negations that turn them around. */
import type { CueList } from '../cue-matcher.js';

/** Clear compliments and enthusiasm. */
export const PRAISE_STRONG: CueList = {
  en: [
    'lov(?:e|ed|es|ing)(?! to (?:know|see if|hear back))', '<3', 'amazing', 'awesome', 'excellent', 'fantastic', 'brilliant', 'superb', 'outstanding',
    'wonderful', 'incredible', 'phenomenal', 'stellar', 'impressive', 'impressed', 'perfect(?:ly)?', 'flawless', 'top notch', 'top-notch',
    'great (?:job|service|work|product|team|experience|support|quality|stuff|app|food|customer service|help|value)',
    '(?:so|really|very|super) (?:good|great|helpful|happy|pleased|fast|quick|friendly|nice|tasty|comfy|comfortable)',
    'best (?:ever|service|customer service|company|brand|app|purchase|decision|thing)', 'the best',
    'well done', 'kudos', 'shout ?out', 'props to', 'hats off', 'big up', 'bravo',
    'highly recommend', 'recommend (?:it|them|you|this)', '(?:5|five) stars?', '10/10', '100%',
    'you (?:guys )?(?:rock|rule|are the best|are amazing|nailed it)', 'rocks', 'legend(?:s)?', 'hero(?:es)?', 'life ?saver',
    'delighted', '(?:happy|pleased|satisfied|thrilled) with', 'made my day', 'keep (?:it|up the good work)', 'nailed it',
    'spot on', 'blown away', 'obsessed', 'gorgeous', 'beautiful', 'stunning', 'delicious', 'yummy', 'can.?t wait',
    'thank you so much', 'thanks so much', 'many thanks', 'thanks (?:a lot|a million|heaps|again)', 'much appreciated',
    'thank you for (?:the|your|being|making|sorting|fixing|helping|resolving|your help)', 'thanks for (?:the|your|being|making|sorting|fixing|helping|resolving|the quick|such)',
    'grateful', 'appreciate (?:it|you|the|your)',
  ],
  fr: [
    "j'adore", 'adore(?:r|z)?', "j'aime (?:trop|beaucoup|tellement|bien|vraiment)", 'trop bien', 'au top', 'top', 'genial(?:e|s)?', 'excellent(?:e|s)?',
    'parfait(?:e|s)?', 'parfaitement', 'super(?:be)?', 'magnifique', 'incroyable', 'formidable', 'merveille(?:ux|use)?',
    'bravo', 'felicitations', 'chapeau', 'respect', 'un grand merci', 'mille mercis?', 'merci (?:beaucoup|infiniment|mille fois|encore|pour (?:tout|votre|ta|la|le|les|l.|ce|cette|vos|la rapidite|votre aide|le retour|votre reactivite))',
    'je (?:vous )?recommande', 'a recommander', 'recommande(?:e)?', 'ravi(?:e|s|es)?', 'content(?:e|s|es)? (?:de|du|avec)', 'satisfait(?:e|s|es)?',
    'un (?:vrai )?plaisir', 'coup de c(?:oe|œ)ur', 'nickel', 'impeccable', 'efficace', 'reactif(?:s|ve|ves)?', 'reactivite', 'rapide(?:s)?',
    'meilleur(?:e|s|es)?', 'fan (?:de|du|des)', 'fier(?:e)? de', 'qualite (?:au rendez-vous|irreprochable|top)', 'delicieu(?:x|se)', 'sublime',
    "c'est (?:top|parfait|genial|super|excellent|le top|fou)", 'vous etes (?:top|les meilleurs|geniaux|au top)', '(?:5|cinq) etoiles', '10/10',
  ],
  es: ['me encanta', 'encanta', 'increible', 'excelente', 'genial', 'perfecto', 'gracias', 'maravilloso', 'recomiendo', 'buenisimo', 'felicidades'],
  de: ['liebe', 'toll', 'super', 'klasse', 'genial', 'perfekt', 'danke', 'ausgezeichnet', 'hervorragend', 'empfehle', 'begeistert', 'wunderbar'],
  it: ['adoro', 'fantastico', 'eccellente', 'perfetto', 'grazie', 'bravissimi', 'bravi', 'consiglio', 'stupendo', 'ottimo', 'meraviglioso'],
  pt: ['amo', 'adoro', 'incrivel', 'excelente', 'perfeito', 'obrigad[oa]', 'maravilhoso', 'recomendo', 'parabens', 'otimo'],
};

/** Polite thanks: praise only when nothing else is going on. */
export const PRAISE_WEAK: CueList = {
  en: ['thanks?', 'thx', 'ty', 'cheers', 'good', 'great', 'nice', 'cool', 'happy', 'glad', 'like it', 'enjoy(?:ed|ing)?', 'fun', 'sweet'],
  fr: ['merci', 'mercii+', 'cool', 'sympa', 'bien', 'bon(?:ne)?', 'content(?:e)?', 'heureu(?:x|se)', 'chouette', 'classe', 'j.aime'],
  es: ['bueno', 'bien', 'bonito'],
  de: ['gut', 'schoen', 'nett'],
  it: ['bello', 'buono', 'bene'],
  pt: ['bom', 'bonito', 'legal'],
};

/** A praise word under negation or a polite formula: "not great", "pas top", "thanks in advance". */
export const PRAISE_NEGATED: CueList = {
  en: [
    "(?:not|never|isn.?t|wasn.?t|aren.?t|weren.?t|hardly|far from|no longer|not so|not that|not very|not really|don.?t|didn.?t|doesn.?t) (?:so |very |that |really |too |exactly |particularly )?(?:good|great|amazing|awesome|happy|impressed|impressive|helpful|nice|cool|perfect|the best|fun|satisfied|pleased|love|like)",
    'thanks? (?:in advance|for nothing|a lot for nothing)', 'thank you in advance', 'tia', 'thanks for (?:getting back|your reply)(?= (?:but|however))',
    '(?:so|really) (?:great|nice|good) (?:of you )?to (?:wait|be ignored|be charged|lose)',
  ],
  fr: [
    "(?:pas|plus|jamais|guere|loin d.etre) (?:tres |si |vraiment |du tout |trop |super |top )?(?:top|genial|terrible|bien|super|content|satisfait|efficace|parfait|rapide|reactif|au rendez-vous|fou|ouf)",
    "merci (?:d.avance|par avance|pour rien|de (?:me |nous )?repondre|de votre retour rapide)(?! (?:pour|de) (?:votre aide|tout))", 'merci pour rien',
  ],
  es: ['no (?:es |esta |muy )?(?:bueno|bien|genial)', 'gracias (?:de antemano|por nada)'],
  de: ['nicht (?:so |sehr )?(?:gut|toll|super)', 'danke im voraus'],
  it: ['non (?:e |molto )?(?:bello|buono|bene|ottimo)', 'grazie in anticipo'],
  pt: ['nao (?:e |muito )?(?:bom|otimo)', 'obrigad[oa] desde ja'],
};

/** Litotes that praise: "not bad", "pas mal", "can't complain". */
export const PRAISE_LITOTES: CueList = {
  en: ['not (?:too |that |half )?bad', 'not too shabby', 'can.?t complain', 'no complaints'],
  fr: ['pas mal', 'pas mauvais(?:e)?', 'pas degueu', 'rien a redire', 'rien a dire'],
  es: ['nada mal', 'no esta mal'],
  de: ['nicht schlecht'],
  it: ['non male'],
  pt: ['nada mal', 'nao e mau'],
};
