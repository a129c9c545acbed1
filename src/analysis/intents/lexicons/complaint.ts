/** Complaint cues: failures, waiting, blame, anger, asking for money back. */
import type { CueList } from '../cue-matcher.js';

/** Unambiguous complaint phrases: something failed, or the author is angry about it. */
export const COMPLAINT_STRONG: CueList = {
  en: [
    'still (?:waiting|no|not|nothing|haven.?t|hasn.?t|have not|has not|don.?t have|can.?t|cannot|unable|broken|down)',
    'never (?:received|arrived|got|came|showed|turned up|delivered|answered|replied|responded|again|buying|ordering|using|fixed)',
    '(?:hasn.?t|has not|haven.?t|have not|didn.?t|did not|wasn.?t|was not) (?:arrived?|received?|come|shown up|turned up|been delivered|been (?:fixed|resolved|refunded)|delivered|work(?:ed)?|fixed|refunded)',
    '(?:not|isn.?t|aren.?t|doesn.?t|don.?t|does not|do not|won.?t|wont|will not|stopped|no longer|keeps? not) work(?:ing|s)?',
    'not (?:delivered|received|refunded|resolved|fixed|acceptable|good enough|happy|impressed|cool|ok|okay)',
    "won.?t (?:load|open|let me|turn on|start|connect|charge|update|refund|respond|answer)",
    "can.?t believe",
    'worst', 'terrible', 'horrible', 'awful', 'appalling', 'atrocious', 'disgusting', 'disgraceful', 'shocking',
    'pathetic', 'ridiculous', 'unacceptable', 'useless', 'rubbish', 'garbage', 'trash', 'sucks?', 'incompetent',
    'scam(?:med|mers?)?', 'rip ?off', 'ripped off', 'fraud',
    'disappoint(?:ed|ing|ment)', 'let down', 'fed up', 'sick (?:and tired )?of', 'tired of', 'frustrat(?:ed|ing|ion)',
    'annoy(?:ed|ing)', 'furious', 'livid', 'angry', 'outraged', 'not happy', 'unhappy', 'not impressed',
    '(?:poor|bad|awful|terrible|horrible|worst|zero|no) (?:customer )?(?:service|support|communication|quality)',
    '(?:no ?one|nobody|no one) (?:answers|answered|replies|replied|responds|responded|gets back|got back|helps|helped|cares|picks up)',
    'no (?:response|reply|answer|update|refund|signal|internet|wifi|wi-fi|power|connection|service|call back|callback) (?:yet|still|since|for|after|from)',
    '(?:been )?on hold', 'ignor(?:ed|ing)', 'hung up',
    'overcharg(?:ed|ing)', 'charged (?:me )?twice', 'double charged', 'charged (?:me )?(?:again|for nothing)',
    '(?:arrived|came|was|is) (?:broken|damaged|smashed|cracked|faulty|defective|wrong|late|cold|stale|expired)',
    'broken', 'faulty', 'defective', 'damaged', 'expired',
    'wrong (?:item|order|size|colou?r|product|address|parcel|package|charge|amount)',
    'missing (?:item|items|parts?|order|package|parcel|money|refund)',
    '(?:lost|misplaced) (?:my|our) (?:package|parcel|luggage|bag|order|item|money)',
    '(?:late|delayed|cancel+ed) again', 'always (?:late|delayed|down|broken)',
    'waste of (?:time|money)', 'wasted (?:my|an|a|hours|days)',
    'complain(?:t|ts|ing|ed)?', 'shame on', 'thanks for nothing', 'thanks a lot for nothing',
    'keeps? (?:crashing|freezing|failing|dropping|disconnecting|cutting|charging|cancell?ing|logging me out)',
    'crash(?:es|ed|ing)', 'outage', 'down again', 'is down', 'service down',
    'fix (?:this|it|your|the)', 'sort (?:it|this) out', 'get your act together', 'do better',
    '(?:want|need|demand|still waiting for|where is) (?:my|a) (?:refund|money back)',
    'money back', 'false advertising', 'misleading', 'lied', 'lying',
    'fail(?:ed|s|ing)? (?:to|me|again)', 'epic fail', 'fail', 'wtf', 'smh',
  ],
  fr: [
    'toujours (?:pas|rien|aucun|aucune|en attente|bloque|en panne|sans)',
    "(?:jamais|pas|rien) (?:encore )?(?:recu|livre|livree|arrive|arrivee|rembourse|remboursee|repondu|eu de reponse)",
    "(?:n'a|n'ont|n'est|ne sont|n'ai|n'avons) (?:toujours |jamais |pas |rien )(?:ete )?(?:recu|livre|livree|arrive|arrivee|rembourse|repondu|traite|resolu|repare)",
    '(?:ne )?(?:fonctionne|marche|charge|demarre|s.allume|repond) (?:pas|plus|jamais)',
    "(?:en panne|plante|crashe?|bugu?e?|beug(?:ue)?|bloque|hors service)",
    'inadmissible', 'inacceptable', 'scandal(?:e|eux|euse)', 'honte', 'honteu(?:x|se)', 'lamentable', 'deplorable',
    'pitoyable', 'catastroph(?:e|ique)', 'nul(?:le|s|les)?', 'naze', 'minable', 'honteux', 'pire', 'horrible', 'affreux',
    "decu(?:e|s|es)?", 'decevant(?:e)?', 'deception', 'arnaque(?:s|urs?)?', 'escroc(?:s|querie)?', 'voleurs?', 'vol manifeste',
    "j'en ai marre", 'marre', 'ras[- ]le[- ]bol', 'degoute(?:e)?', 'furieu(?:x|se)', 'enerve(?:e)?', 'agace(?:e)?', 'excede(?:e)?',
    'en colere', "n'importe quoi", 'foutage de gueule', 'se fout de', 'vous (?:vous )?moquez',
    'service client (?:nul|inexistant|injoignable|lamentable|deplorable|catastrophique|absent|fantome)',
    'injoignable', 'aucune (?:reponse|nouvelle|solution|explication)', 'sans (?:reponse|nouvelles)', 'personne ne (?:repond|rappelle|m.aide)',
    'colis (?:perdu|egare|abime|endommage|vide)', 'commande (?:perdue|annulee|jamais|incomplete|erronee)',
    'toujours en retard', 'encore en retard', 'en retard', 'retard(?:s)? (?:de|du)', 'annule(?:e)? (?:encore|sans)',
    '(?:facture|preleve|debite|paye)(?:e)? deux fois', 'double (?:prelevement|facturation)', 'surfactur(?:e|ation)',
    '(?:arrive|recu|livre)(?:e)? (?:casse|abime|endommage|defectueu|vide|froid|en retard)', 'casse(?:e)?', 'abime(?:e)?',
    'defectueu(?:x|se)', 'endommage(?:e)?', 'perime(?:e)?',
    'mauvais(?:e)? (?:article|taille|produit|commande|adresse|couleur)',
    'plainte', 'reclamation', 'litige', 'je (?:veux|demande|exige) (?:un |mon |d.etre )?rembours', 'rendez-moi mon argent',
    'perte de temps', "c'est (?:une )?(?:honte|blague|scandale|inadmissible|du vol)", 'merci pour rien',
    'ca ne va pas', 'pas normal', 'pas acceptable',
  ],
  es: ['todavia no', 'aun no', 'nunca (?:llego|recibi)', 'no (?:funciona|llega|llego)', 'pesimo', 'horrible', 'vergonzoso', 'estafa', 'decepcionad[oa]', 'reclamacion', 'queja', 'inaceptable', 'harto', 'fatal'],
  de: ['immer noch (?:nicht|kein)', 'noch nicht (?:angekommen|erhalten)', 'nie angekommen', 'funktioniert (?:nicht|nicht mehr)', 'geht nicht', 'katastrophe', 'unverschaemt', 'frechheit', 'betrug', 'enttaeuscht', 'beschwerde', 'inakzeptabel', 'schlechtester?', 'mies'],
  it: ['ancora (?:non|niente|nessun)', 'mai (?:arrivato|ricevuto)', 'non funziona', 'vergogna', 'pessim[oa]', 'schifo', 'truffa', 'delus[oa]', 'reclamo', 'inaccettabile', 'inammissibile'],
  pt: ['ainda (?:nao|nada)', 'nunca (?:chegou|recebi)', 'nao (?:funciona|chegou)', 'pessimo', 'horrivel', 'vergonha', 'golpe', 'decepcionad[oa]', 'reclamacao', 'inaceitavel', 'absurdo'],
};

/** Time waited: "3 days", "since Monday", "ça fait une semaine". */
export const COMPLAINT_WAITED: CueList = {
  en: [
    '(?:[0-9]+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|a few|few) (?:days|weeks|months|hours|hrs|mins|minutes|calls|emails|times)',
    '(?:over|more than|almost|nearly) (?:a|an|one) (?:week|month|hour)',
    'since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last (?:week|month)|[0-9]+|january|february|march|april|may|june|july|august|september|october|november|december)',
    '(?:all|whole) (?:day|week|weekend|morning|afternoon)', 'for ages', 'again and again', 'yet again', 'once again',
  ],
  fr: [
    '(?:[0-9]+|deux|trois|quatre|cinq|six|sept|huit|dix|quinze|plusieurs|des) (?:jours|semaines|mois|heures|h|appels|mails|e-mails|relances|fois)',
    'depuis (?:[0-9]+|deux|trois|plusieurs|une semaine|un mois|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le [0-9]+|des (?:jours|semaines|mois)|la semaine|le mois|ce matin|des heures)',
    "ca fait (?:[0-9]+|une|un|deux|trois|plusieurs|des)", 'cela fait (?:[0-9]+|une|un|deux|trois|plusieurs|des)',
    'encore une fois', 'pour la (?:[0-9]+|deuxieme|troisieme|enieme|ennieme)(?:e|eme)? fois',
  ],
  es: ['(?:[0-9]+|dos|tres|varios) (?:dias|semanas|meses|horas)', 'desde (?:hace|el|ayer)', 'otra vez'],
  de: ['(?:[0-9]+|zwei|drei|mehrere) (?:tage|wochen|monate|stunden)', 'seit (?:[0-9]+|tagen|wochen|gestern)', 'schon wieder'],
  it: ['(?:[0-9]+|due|tre|diversi) (?:giorni|settimane|mesi|ore)', 'da (?:[0-9]+|giorni|settimane|ieri)', 'di nuovo'],
  pt: ['(?:[0-9]+|dois|tres|varios) (?:dias|semanas|meses|horas)', 'desde (?:ontem|o dia)', 'de novo'],
};

/** The author blames the brand directly: "you lost my parcel", "votre service client…". */
export const COMPLAINT_BLAME: CueList = {
  en: [
    '(?:you|u|you guys|y.all) (?:never|always|still|keep|didn.?t|did not|don.?t|do not|won.?t|can.?t|cannot|haven.?t|have not|lost|charged|cancel+ed|sent|promised|said|told|ruined|messed|screwed|broke|failed)',
    '(?:your|ur) (?:service|app|website|site|customer service|customer support|support|staff|delivery|driver|courier|product|company|team|system|agents?|store|shop|website|network|wifi|broadband|trains?|flights?|buses)',
    'why (?:is|does|do|did|can.?t|won.?t|isn.?t|doesn.?t|hasn.?t|haven.?t|are)',
  ],
  fr: [
    'vous (?:n.avez|ne|n.etes|avez (?:perdu|annule|oublie|facture|preleve|debite)|m.avez|nous avez|etes (?:nuls|incapables|injoignables))',
    'votre (?:service|appli|application|site|livreur|sav|service client|hotline|produit|equipe|systeme|reseau|box|magasin|boutique|entreprise)',
    'pourquoi (?:est-ce|ne|n.|mon|ma|mes|vous|ca|c.est|toujours)',
  ],
  es: ['ustedes (?:no|nunca)', 'su (?:servicio|aplicacion|web)'],
  de: ['ihr (?:habt|seid|schickt)', 'euer (?:service|kundendienst)', 'ihre? (?:service|kundendienst|app)'],
  it: ['voi (?:non|avete)', 'il vostro (?:servizio|sito)'],
  pt: ['voces (?:nao|nunca)', 'seu (?:servico|app|site)'],
};
