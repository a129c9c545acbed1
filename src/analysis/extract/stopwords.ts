/**
 * Stop words for keyword extraction: French and English function words, plus the filler of social
 * posts. Lower-case, accents kept, apostrophes straight; elided forms (l', qu') are cut before lookup.
 */

const FRENCH = `a à afin ai aie aient aies ait alors as au aucun aucune auquel aura aurai auraient aurais aurait
aurez auriez aurons auront aussi autre autres aux auxquelles auxquels avaient avais avait avant avec avez aviez
avions avoir avons ayant bien c ça car ce ceci cela celle celles celui cependant certain certaine certains ces
cet cette ceux chaque chez ci comme comment d dans de depuis des desquelles desquels dessous dessus doit donc dont
du duquel durant elle elles en encore entre es est et étaient étais était étant été êtes étiez étions être eu eue
eues eûmes eurent eus eusse eut eux faire fait fais font hors ici il ils j je jusqu jusque l la là laquelle le
lequel les lesquelles lesquels leur leurs lorsque lui m ma mais me même mêmes mes moi mon n ne ni non nos notre
nous on ont ou où par parce pas peu peut plus pour pourquoi puis qu quand que quel quelle quelles quels qui quoi
s sa sans se sera serai seraient serais serait serez seriez serons seront ses si sien sienne soi soit sommes son
sont sous suis sur t ta tandis te tes toi ton tous tout toute toutes très tu un une unes uns va vais vas vers
voici voilà vont vos votre vous y oui non merci bonjour bonsoir salut trop vraiment déjà toujours jamais rien
tout cest c'est j'ai qu'il`;

const ENGLISH = `a about above after again against all am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most
mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own same shan't
she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also get got go
going gonna want really like yes yeah thanks thank please hi hello hey ok okay oh`;

const SOCIAL = `rt via amp lol mdr ptdr omg wtf dm pm cc http https www com`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${FRENCH} ${ENGLISH} ${SOCIAL}`.split(/\s+/));

/** French elided articles and pronouns, cut from the front of a word: "l'été" → "été". */
export const ELISIONS = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/;
