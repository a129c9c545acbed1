/** Support-request cues: account, order, payment, login and delivery problems; asks for help. */
import type { CueList } from '../cue-matcher.js';

/** Explicit asks for help, or a blocked task on the author's own account or order. */
export const SUPPORT_STRONG: CueList = {
  en: [
    'help(?! (?:yourself|themselves))', 'need (?:some )?(?:help|assistance|support)', 'assist(?:ance)?', 'please (?:advise|assist|help|check|look into|sort|fix|contact|dm|reply|respond|call)',
    '(?:can.?t|cannot|can not|unable to|not able to|couldn.?t|could not|won.?t let me|doesn.?t let me) (?:log ?in|sign ?in|login|access|connect|pay|order|check ?out|find my|reset|update|change|download|install|use|see|get into|open|activate|verify|withdraw|transfer|top up|cancel|track|receive|redeem|book|add)',
    'locked out', 'forgot (?:my )?(?:password|pin|passcode|login|username)', 'reset (?:my )?(?:password|pin|passcode|account)', 'password reset',
    'error(?: code| message)?', '(?:issue|issues|problem|problems|trouble) (?:with|on|using|logging|accessing|paying|ordering)', 'having (?:trouble|issues|problems|an issue|a problem)',
    'where is my', 'where.?s my', 'status of my', 'track(?:ing)? (?:my|number|code|info)', 'cancel my', 'change my', 'update my', 'refund my', 'return my', 'return (?:an|this|the|my) (?:item|order)',
    'how (?:do|can|should) i (?!love)', 'how to (?:get|change|cancel|reset|update|contact|return|fix|activate|use|set up|setup|transfer|add|remove|delete|top up|verify)',
    'what (?:do|should|can) i do', 'who (?:do|can|should) i (?:contact|call|talk|speak|email)', '(?:contact|reach|speak to|talk to|get hold of) (?:you|someone|a human|an agent|support|customer service|your)',
    '(?:dm|pm|inbox)(?:ed)? (?:you|me|us)', 'sent (?:you )?a (?:dm|pm|message|email)', 'order (?:number|no|#|id)', 'reference number', 'case number', 'ticket',
    'my (?:order|account|package|parcel|delivery|payment|card|password|subscription|booking|reservation|refund|bill|invoice|transfer|top.?up|pin|balance|statement|flight|luggage|bag|router|modem|connection|internet|phone|device|plan|claim|warranty|return)',
    '(?:charged|debited|billed) (?:me|twice|for|without)', 'declined', 'pending', '(?:hasn.?t|has not|haven.?t|have not|not) (?:arrived|been delivered|received|showed? up|gone through|been credited|been refunded)',
  ],
  fr: [
    'aide(?:z)?(?:-moi|-nous)?', "besoin d.(?:aide|assistance|un coup de main)", '(?:pouvez|pourriez)-vous (?:m.aider|nous aider|regarder|verifier|me rappeler|me recontacter|me repondre)', 'svp aidez',
    'ma (?:commande|livraison|carte|facture|reservation|box|ligne|connexion|resiliation|demande|reclamation)', 'mon (?:compte|colis|paiement|mot de passe|abonnement|remboursement|forfait|virement|solde|dossier|vol|billet|bagage|telephone|identifiant|code|achat|retour|pret)',
    "je (?:n.)?(?:arrive|parviens) (?:pas|plus) a", "j.arrive (?:pas|plus) a", 'impossible (?:de|d.)(?: me| se)? (?:connecter|payer|commander|acceder|recuperer|modifier|annuler|suivre|joindre|trouver|valider|activer|retirer|telecharger|installer|ouvrir)',
    'je ne (?:peux|pouvais) (?:pas|plus)', 'je (?:peux|pouvais) (?:pas|plus)', 'bloque(?:e)? (?:sur|depuis|a)', 'compte bloque', 'carte bloquee',
    'erreur', "message d.erreur", '(?:probleme|souci|bug|beug) (?:avec|de|sur|pour|lors|technique|de connexion|de paiement|de livraison)', 'un (?:probleme|souci)',
    'comment (?:faire|puis-je|je (?:peux|dois|fais)|on (?:fait|peut)|annuler|modifier|changer|contacter|joindre|suivre|retourner|obtenir|recuperer|activer|resilier|se faire rembourser)',
    'suivi (?:de|du) (?:commande|colis)', 'numero (?:de suivi|de commande|de dossier|client)', 'ou en est', 'annuler ma', 'annuler mon', 'modifier ma', 'modifier mon', 'changer (?:ma|mon)',
    '(?:reinitialiser|reinitialisation|oublie) (?:mon |le )?mot de passe', 'contacter (?:le|votre|un|quelqu)', 'joindre (?:le|votre|un|quelqu)', '(?:en|par) (?:mp|dm|message prive)', 'sav', 'service client',
    '(?:pas|jamais|toujours pas) (?:encore )?(?:recu|arrive|livre|ete livre|ete rembourse)', 'preleve(?:e)?', 'debite(?:e)?', 'rembourse(?:ment|z|r)?',
  ],
  es: ['ayuda', 'ayudenme', 'mi (?:pedido|cuenta|paquete|pago|tarjeta|contrasena)', 'no puedo (?:entrar|acceder|pagar|iniciar)', 'problema con', 'error'],
  de: ['hilfe', 'helft mir', 'mein(?:e)? (?:bestellung|konto|paket|zahlung|karte|passwort)', 'kann mich nicht (?:einloggen|anmelden)', 'problem mit', 'fehler'],
  it: ['aiuto', 'aiutatemi', 'il mio (?:ordine|account|pacco|pagamento)', 'la mia (?:carta|password)', 'non riesco a', 'problema con', 'errore'],
  pt: ['ajuda', 'me ajudem', 'meu (?:pedido|pacote|pagamento|cartao)', 'minha (?:conta|senha|encomenda)', 'nao consigo', 'problema com', 'erro'],
};

/** Service objects named in passing: support only with a question or a blocked task. */
export const SUPPORT_WEAK: CueList = {
  en: ['account', 'order', 'card', 'pin', 'password', 'transfer', 'payment', 'refund', 'charge', 'fee', 'balance', 'top.?up', 'withdrawal', 'delivery', 'package', 'parcel', 'subscription', 'login', 'app', 'invoice', 'bill', 'booking', 'cancel', 'verify', 'identity', 'statement', 'exchange rate', 'atm', 'cash', 'transaction'],
  fr: ['compte', 'commande', 'carte', 'mot de passe', 'virement', 'paiement', 'frais', 'solde', 'livraison', 'colis', 'abonnement', 'connexion', 'application', 'appli', 'facture', 'reservation', 'annuler', 'retrait', 'transaction', 'remboursement'],
  es: ['cuenta', 'pedido', 'tarjeta', 'pago'],
  de: ['konto', 'bestellung', 'karte', 'zahlung'],
  it: ['conto', 'ordine', 'carta', 'pagamento'],
  pt: ['conta', 'pedido', 'cartao', 'pagamento'],
};
