/**
 * Romanised Hindi (Hinglish) by its function words: n-gram detectors are trained on Devanagari
 * Hindi and read "kya baat hai bhai" as anything but Hindi. Tuned on the UMSAB hindi train split
 * against the other seven languages' train splits (no false positive there).
 */

/** Words that are Hinglish and (almost) nothing else. */
const STRONG = new Set(
  `nahi nahin nhi kya kyaa kyun kyu kyon kyunki kyonki bhai bhi mujhe mujhko tujhe tujhko humein hume
  hamein unhe inhe tumhe aur tha thi thay kar karo karna karne karte karta karti kiya kiye kr krna krte
  krne yeh woh kuch kuchh sabhi sabse apna apni apne tumhara tumhari tera teri tere mera meri mere
  hamara hamari ji toh bahut bohot bahot boht accha achha achchha kaise kaisa kaisi abhi sirf wala wale
  wali gaya gayi gaye gye raha rahi rahe rha rhi rhe diya liya hota hoti hote sakta sakti sakte chahiye
  saath sath yaar kab kaun koi kisi uska uski uske iska iski iske unka unki unke inka aap apke aapke
  aapka aapki hamesha pyaar pyar jaise waise hoga hogi hoge aaj ghar logon desh sahi galat matlab dekho
  kaha kahan yahan wahan phir lekin magar bilkul zaroor jarur kabhi kaam baat raat dost bada badi bade
  jaana aana aaya aayi hue hua agar warna sach jhoot paisa paise hain nai mujhse tujhse usko isko unko
  inko jaata jata jaati jati rahega rahegi dena lena milega chal chalo bhot bht bhut yahi wahi vahi
  kese haan`.split(/\s+/),
);

/** Words that are Hinglish too but also common in the other languages ("hai" is Italian, "se" is everyone's). */
const WEAK = new Set(
  `hai h ho se ne na to main mai mein par ki ka ke ko re hi jo tum wo ye hum log logo sab pata bol kal
  ek yar acha jab fir baar ab han`.split(/\s+/),
);

const LATIN_WORD = /\p{Script=Latin}+/gu;
const MIN_SHARE = 0.2;

/** Share of Hinglish words, or 0 when the text does not read as Hinglish. */
export function hinglishShare(cleanText: string): number {
  const words = cleanText.toLowerCase().match(LATIN_WORD);
  if (words === null) {
    return 0;
  }
  let strong = 0;
  let weak = 0;
  for (const word of words) {
    if (STRONG.has(word)) {
      strong++;
    } else if (WEAK.has(word)) {
      weak++;
    }
  }
  const share = (strong + weak) / words.length;
  return strong >= 1 && strong + weak >= 2 && share >= MIN_SHARE ? share : 0;
}
