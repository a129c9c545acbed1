/**
 * Hand-written cue lists, fr + en, that become features of their own. They let the models generalise
 * from a few training examples of a cue to every other word of the same kind, which matters most for
 * French, where labelled offensive data is scarce. Entries match whole normalised tokens.
 */

// Insults and profanity; written for Hearth (not copied from @2toad/profanity, whose French list
// flags ordinary words). Only words that are offensive in nearly every use belong here.
export const PROFANITY = new Set([
  // English
  'fuck', 'fucking', 'fucked', 'fucker', 'fuckers', 'fck', 'fuk', 'fking', 'motherfucker', 'mf', 'wtf', 'stfu', 'gtfo',
  'shit', 'shitty', 'bullshit', 'shithole', 'crap', 'crappy', 'damn', 'goddamn', 'hell',
  'bitch', 'bitches', 'bitchy', 'bastard', 'bastards', 'asshole', 'assholes', 'ass', 'arse', 'arsehole', 'jackass',
  'dick', 'dickhead', 'dicks', 'cock', 'cunt', 'cunts', 'twat', 'wanker', 'prick', 'pussy', 'douche', 'douchebag',
  'slut', 'sluts', 'whore', 'whores', 'hoe', 'hoes', 'skank',
  'idiot', 'idiots', 'idiotic', 'moron', 'morons', 'moronic', 'stupid', 'dumb', 'dumbass', 'imbecile', 'cretin',
  'retard', 'retarded', 'retards', 'loser', 'losers', 'scum', 'scumbag', 'trash', 'garbage', 'pathetic', 'disgusting',
  'clown', 'clowns', 'fool', 'fools', 'jerk', 'jerks', 'creep', 'pig', 'pigs', 'liar', 'liars', 'traitor', 'traitors',
  'nazi', 'nazis', 'fascist', 'fascists', 'commie', 'libtard', 'libtards', 'snowflake', 'snowflakes', 'hypocrite',
  'nigger', 'niggers', 'nigga', 'niggas', 'faggot', 'faggots', 'fag', 'fags', 'dyke', 'tranny', 'spic', 'kike', 'chink',
  'kill', 'die', 'hang', 'shut', 'sucks', 'suck',
  // French
  'putain', 'ptn', 'merde', 'merdique', 'bordel', 'chier', 'chiant', 'chiante', 'foutre', 'fous', 'foutu',
  'con', 'cons', 'conne', 'connes', 'connard', 'connards', 'connasse', 'connasses', 'conard', 'connerie', 'conneries',
  'salaud', 'salauds', 'salope', 'salopes', 'saloperie', 'pute', 'putes', 'enculé', 'encule', 'enculés', 'enculer',
  'batard', 'bâtard', 'batards', 'bâtards', 'fdp', 'ntm', 'tg', 'gueule', 'pd', 'pédé', 'pédés', 'tarlouze',
  'gouine', 'bougnoule', 'bougnoules', 'négro', 'negro', 'youpin', 'bicot', 'raton', 'chinetoque',
  'abruti', 'abrutis', 'abrutie', 'débile', 'débiles', 'crétin', 'crétins', 'crétine', 'idiote', 'idiots', 'imbécile',
  'imbéciles', 'mongol', 'mongols', 'attardé', 'attardés', 'attardée', 'taré', 'tarés', 'tarée', 'demeuré', 'ordure',
  'ordures', 'pourri', 'pourris', 'pourriture', 'raclure', 'minable', 'minables', 'nul', 'nuls', 'nulle', 'bouffon',
  'bouffons', 'guignol', 'guignols', 'clochard', 'racaille', 'racailles', 'vermine', 'crevure', 'dégueulasse', 'degueulasse',
  'tocard', 'tocards', 'boloss', 'blaireau', 'blaireaux', 'cassos', 'sous-merde', 'baltringue', 'charogne', 'fumier',
  'truie', 'grognasse', 'pétasse', 'petasse', 'pouffiasse', 'garce', 'cochon', 'porc', 'porcs', 'chienne', 'chiennes',
  'crève', 'creve', 'crever', 'dégage', 'degage', 'nique', 'niquer', 'baise', 'casse-toi', 'fasciste', 'fascistes',
  'facho', 'fachos', 'nazi', 'islamo', 'gauchiste', 'gauchistes', 'menteur', 'menteurs', 'menteuse', 'traître', 'traitre',
]);

/** Words that reverse the polarity of what follows, until punctuation (en, fr, es, de, it, pt). */
export const NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nor', 'cannot', "don't", "doesn't", "didn't", "can't", "won't",
  "isn't", "aren't", "wasn't", "weren't", "couldn't", "shouldn't", "wouldn't", "haven't", "hasn't", "ain't", 'dont',
  'cant', 'wont', 'isnt', 'didnt', 'doesnt',
  'ne', "n'", 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans',
  'nunca', 'nada', 'nadie', 'ni', 'nicht', 'kein', 'keine', 'keinen', 'nie', 'nichts', 'non', 'niente',
  'não', 'nao', 'nem', 'nenhum',
]);
