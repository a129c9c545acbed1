/** Feature-request cues: wishes and suggestions about the product. */
import type { CueList } from '../cue-matcher.js';

/** The author asks for something the product does not do yet. */
export const FEATURE_STRONG: CueList = {
  en: [
    '(?:it|that|this) (?:would|.?d) be (?:great|nice|awesome|cool|good|helpful|amazing|useful|lovely|fantastic|ideal|perfect|better) (?:if|to (?:have|see|get|be able))',
    '(?:would|.?d) (?:be (?:great|nice|awesome|cool|helpful|useful) to (?:have|see|get|be able)|love (?:to see|if|a|an|the option|the ability|support|it if|more))',
    'i wish (?:you|there|it|the app|the|they|i could|we could)', 'wish (?:list|you would|you.?d|you could)',
    'please (?:add|make it|bring|support|allow|let us|let me|consider|implement|include|introduce|give us|enable|offer)',
    '(?:can|could|would|will) (?:you|u|they|y.all) (?:please )?(?:add|bring|make it|support|implement|introduce|consider|include|enable|offer|release|allow)',
    'any (?:plans?|chance|news) (?:to|of|on|for) (?:add|support|bring|adding|supporting|bringing|releasing|making|getting|a |an |the )',
    'feature request', 'feature idea', 'suggestion', 'suggest(?:ing)? (?:that|you|adding)', 'idea for',
    '(?:add|need|want|give us|bring) (?:support for|an option|a way|the option|the ability|a setting|a button|dark mode|an export|an api|a feature)',
    '(?:should|needs? to|ought to) (?:add|have|support|let|allow|include|offer|bring)', 'bring back', 'please bring back',
    '(?:needs?|missing) (?:an option|a way|a feature|support for|the option|the ability)', 'missing feature',
    'option to', 'ability to', 'dark mode', 'why (?:can.?t i|isn.?t there|is there no|no option|can.?t we|doesn.?t it (?:have|support))',
  ],
  fr: [
    '(?:ce|ca|cela|il) (?:serait|serai) (?:bien|top|genial|cool|super|pratique|utile|chouette|ideal|sympa|parfait|bon) (?:de|d.|si|qu)',
    "j'aimerais (?:que|bien que|pouvoir|avoir|qu|voir)", "on aimerait (?:que|pouvoir|avoir|voir)", "j'adorerais (?:que|pouvoir|avoir)",
    'il (?:serait|faudrait) (?:bien|possible|utile|temps|que|pouvoir|ajouter|proposer)', 'serait-il possible', 'est-il possible (?:d.ajouter|de pouvoir|d.avoir|de proposer|de rajouter)',
    '(?:pourriez|pouvez)-vous (?:ajouter|rajouter|mettre en place|proposer|permettre|integrer|ramener|remettre|developper)',
    'vous (?:pourriez|pouvez|devriez) (?:ajouter|rajouter|mettre en place|proposer|permettre|integrer|remettre|developper)',
    'ajoutez', 'rajoutez', 'remettez', 'ramenez', 'ajouter (?:une option|la possibilite|un bouton|un mode|le mode)', 'il manque', 'manque (?:une|un|la|le) (?:option|fonction|fonctionnalite|bouton|mode)',
    'suggestion', 'proposition', 'idee (?:d.amelioration|de fonctionnalite)', 'on (?:veut|voudrait) (?:pouvoir|un mode|une option)', 'vivement (?:le|la|les|un|une|que)',
    'mode sombre', 'mode nuit', 'possibilite de', 'pouvoir (?:choisir|exporter|desactiver|activer|modifier|personnaliser|filtrer|trier)',
  ],
  es: ['seria (?:genial|bueno|util) (?:si|que|poder)', 'podrian (?:anadir|agregar|incluir)', 'me gustaria (?:que|poder)', 'ojala'],
  de: ['waere (?:toll|schoen|super|gut) wenn', 'koennt ihr .{0,20}(?:hinzufuegen|einbauen)', 'bitte .{0,20}(?:hinzufuegen|einbauen)', 'ich wuensche mir', 'vorschlag'],
  it: ['sarebbe (?:bello|utile|fantastico) (?:se|poter)', 'potreste (?:aggiungere|inserire)', 'vorrei che', 'suggerimento'],
  pt: ['seria (?:otimo|bom|legal|util) (?:se|poder)', 'poderiam (?:adicionar|incluir)', 'gostaria que', 'sugestao'],
};

/** Softer signals: wanting more of something, a roadmap question. */
export const FEATURE_WEAK: CueList = {
  en: ['would be (?:nice|great|cool|awesome|helpful|better)', 'roadmap', 'update (?:with|that|to add)', 'integration', 'support for', 'more (?:options|colou?rs|sizes|flavou?rs)', 'version (?:for|on)', 'app for', 'compatible with', 'widget'],
  fr: ['ce serait', 'ca serait', 'fonctionnalite', 'option', 'mise a jour', 'plus de (?:choix|couleurs|tailles|options)', 'version (?:pour|sur)', 'compatible avec', 'appli pour'],
  es: ['funcion', 'opcion'],
  de: ['funktion', 'option'],
  it: ['funzione', 'opzione'],
  pt: ['funcao', 'opcao'],
};
