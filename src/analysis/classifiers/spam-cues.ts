/**
 * What spam needs to be spam: a link, a phone number, or a call to go somewhere else (subscribe,
 * check my channel, click, win, free…). The spam head was trained on YouTube comments only and
 * also fires on friendly one-liners ("Thanks for the update"); without one of these cues its score
 * is damped, so ordinary replies never land in the spam tab.
 */
const CUES = [
  /https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|ly|io|co|fr|info|biz|me|tv|gl|gg)\b/i,
  /\+?\d[\d\s().-]{7,}\d/,
  /\b(?:subscrib\w*|channel|check (?:out|it out|this out|my)|visit|follow (?:me|us|my)|click|free|giveaway|win(?:ner)?|earn|money|cash|promo\w*|discount|coupon|download|my (?:video|page|profile|music|song|blog|website|shop|store)|share (?:this|my)|like (?:this|my)|views?|followers|dm me|inbox me|whatsapp|telegram|bitcoin|crypto|invest\w*)\b/i,
  /\b(?:abonne[zr]?|abonnez-vous|cha[iî]ne|gratuit\w*|gagne[rz]?|cliqu\w*|visite[rz]?|lien|promo\w*|code promo|r[ée]duction|t[ée]l[ée]charg\w*|partage[rz]?|suivez|mon (?:site|profil|blog|insta)|argent)\b/i,
  /\$\d|\d\s?\$|€\s?\d|\d\s?€/,
  // Self-promotion as YouTube spam writes it, misspellings included.
  /\b(?:check (?:me|them|us|our)|sub(?:s)? (?:me|to)|sub ?4 ?sub|su\w{0,3}scri\w*|f4f|l4l|follow ?4 ?follow|like ?4 ?like|my (?:videos|rap|songs?|covers?|vids?|music)|our (?:\w+ )?(?:song|video|cover|channel)|search ")/i,
];

/** Damping applied to the spam score of a text with no spam cue. */
export const NO_CUE_FACTOR = 0.25;

export function hasSpamCue(text: string): boolean {
  return CUES.some((cue) => cue.test(text));
}

/** The spam probability after the cue gate. */
export function gateSpamScore(score: number, text: string): number {
  return hasSpamCue(text) ? score : score * NO_CUE_FACTOR;
}
