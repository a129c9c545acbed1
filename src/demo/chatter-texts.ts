/**
 * What the demo's community says over time, written for Hearth in French and English: questions,
 * complaints, praise and purchase intent, each addressed to the brand, and what the person answers
 * once the brand has replied — so a newcomer sees the inbox fill and a conversation go both ways.
 */
import { BRAND_HANDLE } from './content.js';

const NNBSP = '\u202f';

export interface ChatterLine {
  text: string;
  lang: 'fr' | 'en';
  /** Their answer to the brand's reply. */
  followUp: string;
}

export const CHATTER: readonly ChatterLine[] = [
  {
    text: `@${BRAND_HANDLE} bonjour, la lampe Aurore existe-t-elle en laiton brossé${NNBSP}? Je voudrais la commander pour Noël.`,
    lang: 'fr',
    followUp: `Parfait, merci pour la réponse rapide${NNBSP}! Je commande ce soir.`,
  },
  {
    text: `@${BRAND_HANDLE} my Solstice pendant arrived with a cracked shade. Really disappointed, it was a gift.`,
    lang: 'en',
    followUp: 'Thank you, that was quick. I have sent the photos by e-mail.',
  },
  {
    text: `@${BRAND_HANDLE} est-ce que vous livrez en Belgique${NNBSP}? Et quels sont les délais${NNBSP}?`,
    lang: 'fr',
    followUp: `Super, merci${NNBSP}! Bonne journée à toute l’équipe.`,
  },
  {
    text: `Just installed the Nocturne in my studio. @${BRAND_HANDLE} the light is gorgeous, well done!`,
    lang: 'en',
    followUp: 'Will do, I will share photos of the finished room.',
  },
  {
    text: `@${BRAND_HANDLE} trois semaines que j’attends ma commande et aucune nouvelle. C’est inadmissible.`,
    lang: 'fr',
    followUp: `Merci, je viens de recevoir le numéro de suivi.`,
  },
  {
    text: `@${BRAND_HANDLE} can I buy spare bulbs for the Aurore somewhere, or do you sell them?`,
    lang: 'en',
    followUp: 'Great, ordered two. Thanks for the help!',
  },
  {
    text: `@${BRAND_HANDLE} une lampe Solstice pour une chambre d’enfant, c’est une bonne idée${NNBSP}? Le verre est-il solide${NNBSP}?`,
    lang: 'fr',
    followUp: `Merci pour le conseil, c’est rassurant.`,
  },
  {
    text: `@${BRAND_HANDLE} do you have a showroom in Lyon where I could see the lamps before buying?`,
    lang: 'en',
    followUp: 'Perfect, I will drop by on Saturday.',
  },
];
