/**
 * Words that carry no wording of their own: function words of Hearth's Latin-script languages
 * (French, English, Spanish, German, Italian, Portuguese), the pieces apostrophes leave ("don't" →
 * "don" "t", "l'équipe" → "l" "equipe"), the commonest light verbs of English and French ("see",
 * "know", "make", "faire", "dire": "… and I are going to see …" frames any sentence) and the words of
 * the commonest idioms ("for the first time in a long time"), and the filler
 * of social posts (rt, via, lol, http as the placeholder left by normalised links, HTML entities). All in FOLDED form (see foldWord: lower case,
 * no diacritics), since they are looked up after folding.
 *
 * Why: a stock phrase ("thank you so much for", "i don't know how to feel about", "je ne sais pas
 * quoi") covers many words of a short text but shares almost none of its content. The originality
 * check counts shared CONTENT words before calling a text a copy, so these lists decide what a
 * content word is. They are deliberately short: a word wrongly listed here only weakens the evidence
 * for a copy, it never creates a finding.
 */

const ENGLISH = `a about above after again against all am an and any are aren as at be because been before
being below between both but by can cannot could couldn did didn do does doesn doing don down during each
few for from further had hadn has hasn have haven having he her here hers herself him himself his how i if
in into is isn it its itself just let me more most mustn my myself no nor not now of off on once only or
other ought our ours ourselves out over own same shan she should shouldn so some such than that the their
theirs them themselves then there these they this those through to too under until up very was wasn we
were weren what when where which while who whom why will with won would wouldn you your yours yourself
yourselves ll re ve d m s t may might must shall also get got go going gonna wanna gotta want really like yes yeah thanks thank
please hi hello hey ok okay oh im dont cant wont ive youre thats its lets much many every even still ever
one anyone everyone someone something anything nothing everything else well way back see saw seen
know knew think thought make made come came take took say said says look feel need tell give keep put try
let time first last long`;

const FRENCH = `a afin ai aie aient aies ait alors as au aucun aucune auquel beaucoup aura aurai auraient aurais aurait
aurez auriez aurons auront aussi autre autres aux avaient avais avait avant avec avez aviez avions avoir
avons ayant bien c ca car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme
comment d dans de depuis des donc dont du durant elle elles en encore entre es est et etaient etais etait
etant ete etes etiez etions etre eu eux faire fait fais font hors ici il ils j je jusqu jusque l la le
lequel les leur leurs lorsqu lorsque lui m ma mais me meme memes mes moi mon n ne ni non nos notre nous on
ont ou par parce pas peu peut plus pour pourquoi puis puisqu qu quand que quel quelle quelles quels qui
quoi s sa sans se sera serai seraient serais serait seront ses si soi soit sommes son sont sous suis sur
t ta tandis te tes toi ton tous tout toute toutes tres tu un une unes uns va vais vas vers voici voila
vont vos votre vous y oui merci bonjour bonsoir salut trop vraiment deja toujours jamais rien cest jai
voir vu faire dire dit aller savoir sais sait pouvoir peux vouloir veux veut venir prendre mettre`;

const SPANISH = `al algo algunas algunos ante antes como con contra cual cuando del desde donde durante e el
ella ellas ellos en entre era esa esas ese eso esos esta estaba estado estamos estan estar este esto estos
estoy fue fueron fui ha habia han hasta hay la las le les lo los mas me mi mis mucho muy nada ni no nos
nosotros o os otra otro para pero poco por porque que quien se sea ser si sido sin sobre son su sus
tambien te tener tengo ti tiene todo todos tu tus un una uno unos y ya yo`;

const GERMAN = `aber als am an auch auf aus bei bin bis bist da dann das dass dem den der des die dir doch
du durch ein eine einem einen einer eines er es fur hab habe haben hat ich ihm ihn ihr im in ist ja jetzt
kann kein keine man mein meine mich mir mit nach nicht noch nur oder schon sehr sein sich sie sind so uber
um und uns unser vom von vor war waren was wenn wer wie wir wird wo zu zum zur`;

const ITALIAN = `ad agli ai al alla alle allo anche che chi ci coi col come con cosa da dai dal dalla del
dell della delle dello dei di e ed era gli ha hai hanno ho il io la le lei li lo loro lui ma mi mia mio
ne nei nel nella nelle noi non nostro o per perche piu po quando quella quello questa questo se sei si
sia siamo sono su sua sue sui sul sulla suo tra tu tutti tutto un una uno voi`;

const PORTUGUESE = `ao aos as com como da das de dela dele do dos e ela ele eles em entre era essa esse esta
este eu foi for ha isso isto ja lhe mais mas me meu minha muito na nao nas nem no nos o os ou para pela
pelo por quando que quem se sem ser seu sua sao tambem te tem tu um uma voce`;

const SOCIAL = `rt via cc lol lmao omg wtf idk tbh btw pls plz u ur dm pm mdr ptdr http https www com url
amp gt lt quot nbsp`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [ENGLISH, FRENCH, SPANISH, GERMAN, ITALIAN, PORTUGUESE, SOCIAL]
    .join(' ')
    .split(/\s+/u)
    .map((w) => w.replace(/'/gu, ''))
    .filter((w) => w.length > 0),
);

const DIGITS = /^\p{N}+$/u;

/**
 * Whether a folded word can carry a text's wording: not a stop word, not a lone letter, not a bare
 * number (dates and scores repeat across unrelated posts).
 */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOP_WORDS.has(word) && !DIGITS.test(word);
}
