/** Purchase-intent cues: where to buy, price, stock, shipping, wanting to order. */
import type { CueList } from '../cue-matcher.js';

/** The author wants to buy or is checking the conditions of buying. */
export const PURCHASE_STRONG: CueList = {
  en: [
    'where (?:can|do|could|should|would) (?:i|we|one|you) (?:buy|get|find|order|purchase|pick up|grab)', 'where to (?:buy|get|find|order|purchase)',
    'how much (?:is|are|does|do|would|will) (?:the|this|that|it|they|these|those|a|an|one|your|shipping|delivery)', 'how much for',
    '(?:back )?in stock', 'out of stock', 'restock(?:ed|ing)?', 'sold out', 'available (?:in|at|for|to|on|yet|again|online|anywhere|now)', 'availability',
    'do (?:you|u) (?:ship|deliver|sell|stock|carry|have (?:it|this|these|them|any) in)', '(?:ship|shipping|deliver|delivery) to (?!me)',
    '(?:i|we) (?:want|wanna|need|would like|.d like|plan|am going|.m going|am gonna|.m gonna) to (?:buy|order|purchase|get one|get (?:a|an|the|this|these|it|two|some)|book|reserve|subscribe|upgrade)',
    '(?:i|we) (?:want|wanna) (?:one|this|these|it|a new)', 'gonna (?:buy|order|get one)', 'going to (?:buy|order)',
    'take my money', 'shut up and take', 'add(?:ed)? to (?:my )?(?:cart|basket|wishlist)', 'pre-?order', 'can i (?:buy|order|purchase|pre-?order|get (?:one|it|this|a))',
    'do you (?:have|sell) (?:this|it|these|them|any|a|an)', 'is (?:this|it|the [a-z]+) (?:available|still available|on sale)',
    'when (?:will|does|is|do|are) (?:it|this|the [a-z]+|they|you) (?:be )?(?:available|released|release|launch|launching|restock|back|on sale|go on sale|come out|drop)',
    'price (?:of|for|list|range)', 'what.?s the price', 'pricing', '(?:discount|promo|coupon|voucher) code', 'free trial', 'quote for',
    '(?:order|buy|purchase) (?:me|more|some|another|a|an|the|two|[0-9]+)', 'place an order', 'make an order', 'book (?:a|me|an)', 'reserve (?:me )?(?:a|an)', 'make (?:me )?a reservation',
    'thinking (?:of|about) (?:buying|getting|ordering|switching)', 'worth (?:buying|it|the money)', 'should i (?:buy|get|order)',
  ],
  fr: [
    'ou (?:peut-on|puis-je|est-ce qu.on peut|est-ce que je peux|je peux|on peut|trouver|acheter|commander|se procurer)', 'ou (?:l.|les |le |la )?(?:acheter|trouver|commander)',
    'combien',
    'prix', 'tarifs?', '(?:est|sont|sera|seront|c.est|ce sera|c.est-il|est-il|est-elle|encore|bientot|de nouveau|toujours) disponibles?', 'disponibilite', 'dispo',
    'en stock', 'rupture', 'reassort', 'reapprovisionn', 'livrez-vous', 'vous livrez', 'livraison (?:en|au|aux|a|vers|pour|possible|gratuite)', 'expediez-vous', 'vendez-vous', 'vous vendez',
    "(?:je|on|nous) (?:veux|voudrais|voudrions|aimerais|vais|compte|souhaite|souhaiterais|veut|voudrait|va) (?:l.|le |la |les |en )?(?:acheter|commander|prendre|reserver|m.abonner|craquer|essayer|souscrire)",
    "(?:je|on) (?:veux|voudrais|aimerais|veut) (?:un|une|des|le|la|les|ce|cette|ces)", 'je craque', 'je vais craquer', 'craquer pour',
    'pre-?commande', 'precommander', 'code promo', 'promo', 'soldes?', 'reduction', 'devis', 'essai gratuit', 'ca m.interesse', 'interesse(?:e|s)? par',
    "(?:est-ce|c.est) qu.(?:il|elle|on) (?:est|reste) (?:dispo|disponible)", 'ajoute au panier', 'mon panier',
  ],
  es: ['donde (?:comprar|puedo comprar|lo compro)', 'cuanto (?:cuesta|vale|cuestan)', 'precio', 'disponible', 'en stock', 'envian a', 'quiero (?:comprar|pedir)', 'hacen envios'],
  de: ['wo kann (?:ich|man) .{0,20}kaufen', 'wo (?:gibt es|bekomme ich)', 'wie ?viel kostet', 'was kostet', 'preis', 'verfuegbar', 'lieferbar', 'auf lager', 'liefert ihr', 'ich (?:will|moechte) .{0,20}(?:kaufen|bestellen)', 'vorbestellen'],
  it: ['dove (?:comprare|posso comprare|si compra)', 'quanto costa', 'prezzo', 'disponibile', 'spedite in', 'voglio (?:comprare|ordinare)', 'vorrei (?:comprare|ordinare)'],
  pt: ['onde (?:comprar|posso comprar|compro)', 'quanto custa', 'preco', 'disponivel', 'em estoque', 'entregam (?:em|no|na)', 'quero (?:comprar|encomendar|pedir)'],
};

/** Price words in passing: purchase intent only with a question or a want. */
export const PURCHASE_WEAK: CueList = {
  en: ['price', 'prices', 'cost', 'costs', 'buy', 'buying', 'purchase', 'order one', 'sale', 'deal', 'offer', 'plans?', 'subscription', 'shipping', 'delivery to', 'cheap(?:er)?', 'afford'],
  fr: ['acheter', 'achat', 'commander', 'offre', 'abonnement', 'forfait', 'livraison', 'boutique', 'magasin', 'moins cher', 'abordable'],
  es: ['comprar', 'oferta', 'envio'],
  de: ['kaufen', 'angebot', 'versand'],
  it: ['comprare', 'offerta', 'spedizione'],
  pt: ['comprar', 'oferta', 'frete'],
};
