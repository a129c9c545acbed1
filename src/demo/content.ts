/**
 * What the demo is made of: a fictitious lighting brand from Lyon, its community on a local
 * Bluesky network, its house style and a few posts. French and English, as Hearth's users write.
 * French texts use French typography (a narrow no-break space before ? ! ; and a no-break space
 * before :), so that the guardrails have nothing to say about the brand's own examples.
 */
import type { FactInput } from '../workspaces/house-style.service.js';
import type { VoiceProfile } from '../guardrails/voice/index.js';
import type { WorkspaceSettings } from '../workspaces/workspaces.service.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

export const DEMO_EMAIL = 'demo@hearth.test';
export const DEMO_OWNER_NAME = 'Alex Martin';

export const DEMO_WORKSPACE: WorkspaceSettings = {
  name: 'Maison Lumière (demo)',
  timeZone: 'Europe/Paris',
  languages: ['fr', 'en'],
  namedThings: {
    brand: ['Maison Lumière', 'maisonlumiere'],
    products: ['Aurore', 'Solstice', 'Nocturne'],
    competitors: ['Clair & Cie', 'Lumina Home'],
  },
};

export const DEMO_VOICE: VoiceProfile = {
  formality: 'formal',
  emoji: 'few',
  maxExclamations: 1,
  bannedTerms: [
    { term: 'pas cher', replacement: 'abordable', reason: 'Maison Lumière ne se vend pas sur le prix.' },
    { term: 'cheap', replacement: 'affordable', reason: 'Maison Lumière does not sell on price.' },
  ],
};

export const DEMO_FACTS: FactInput[] = [
  {
    statement: 'La lampe Aurore coûte 129 €',
    value: '129 €',
    sourceUrl: 'https://maisonlumiere.example/aurore',
  },
  {
    statement: 'Livraison offerte en France métropolitaine dès 49 € d’achat',
    value: '49 €',
    sourceUrl: 'https://maisonlumiere.example/livraison',
  },
];

export const DEMO_DICTIONARY = ['Aurore', 'Solstice', 'Nocturne', 'maisonlumiere'];

/** A person (or the brand) on the local network: `<name>.test`. */
export interface DemoPersona {
  name: string;
  displayName: string;
  description: string;
  /** What they post on the network at start, mentioning the brand. */
  post?: { text: string; lang: 'fr' | 'en' };
}

export const BRAND_PERSONA: DemoPersona = {
  name: 'maisonlumiere',
  displayName: 'Maison Lumière',
  description: 'Luminaires dessinés et fabriqués à Lyon. Lamps designed and made in Lyon.',
};

export const BRAND_HANDLE = `${BRAND_PERSONA.name}.test`;

export const COMMUNITY: DemoPersona[] = [
  {
    name: 'camilledurand',
    displayName: 'Camille Durand',
    description: 'Architecte d’intérieur à Lyon.',
    post: {
      text: `Ma lampe Aurore est arrivée hier, elle est magnifique dans le salon. Merci @${BRAND_HANDLE}${NNBSP}!`,
      lang: 'fr',
    },
  },
  {
    name: 'theomartin',
    displayName: 'Théo Martin',
    description: 'Photographe, Marseille.',
    post: {
      text: `@${BRAND_HANDLE} bonjour, ma commande n’est toujours pas arrivée après deux semaines. Pouvez-vous regarder${NNBSP}?`,
      lang: 'fr',
    },
  },
  {
    name: 'emmawilson',
    displayName: 'Emma Wilson',
    description: 'Interior design blogger, Bristol.',
    post: {
      text: `Does anyone know if the Solstice pendant from @${BRAND_HANDLE} works with dimmable bulbs?`,
      lang: 'en',
    },
  },
  {
    name: 'oliverbrown',
    displayName: 'Oliver Brown',
    description: 'Reader of long books.',
    post: {
      text: `The Nocturne desk lamp from @${BRAND_HANDLE} gives such a warm light for reading in the evening.`,
      lang: 'en',
    },
  },
];

/** Drafts written on the first run, one of them for the guardrails to stop (it contradicts the fact register). */
export const DEMO_DRAFTS: { text: string; language: 'fr' | 'en' }[] = [
  {
    text: `Nouveauté${NBSP}: la suspension Solstice arrive en boutique le mois prochain. Découvrez-la en avant-première dans notre atelier de Lyon.`,
    language: 'fr',
  },
  {
    text: 'Behind the scenes: every Aurore lamp is assembled by hand in our Lyon workshop. Come and meet the team on Saturday.',
    language: 'en',
  },
  { text: 'Ce week-end seulement, la lampe Aurore est à 99 €.', language: 'fr' },
];

/** The post scheduled a few minutes ahead at each start, in turn (so that two runs do not repeat one). */
export const DEMO_SCHEDULED: { text: string; language: 'fr' | 'en' }[] = [
  {
    text: `Question du jour${NBSP}: dans quelle pièce aimez-vous lire le soir${NNBSP}? Dites-le-nous en réponse.`,
    language: 'fr',
  },
  {
    text: 'Question of the day: in which room do you like to read in the evening? Tell us in a reply.',
    language: 'en',
  },
  {
    text: `Dans notre atelier, chaque abat-jour est cousu à la main. Il faut trois heures pour en terminer un.`,
    language: 'fr',
  },
];

/** How far ahead the demo schedules its post. */
export const SCHEDULE_AHEAD_MS = 3 * 60_000;
