/** A query in words ("Matches “nike” and not “job”, in French."), for the UI beside the query box. */
import type { FieldFilter, NearOperand, ParsedQuery, QueryNode, TextTerm } from './ast.js';
import { ENGLISH, type QueryMessages } from './messages.js';

/** Describes a parsed query in the language of `messages`; words are quoted as the query wrote them. */
export function describeQuery(query: ParsedQuery, messages: QueryMessages = ENGLISH): string {
  return messages.describe.sentence(describeNode(query.root, { messages, source: query.source }, null));
}

interface Context {
  messages: QueryMessages;
  source: string;
}

function describeNode(node: QueryNode, c: Context, parent: QueryNode['type'] | null): string {
  const m = c.messages;
  const d = m.describe;
  switch (node.type) {
    case 'and':
    case 'or': {
      const parts = node.children.map((child) => describeNode(child, c, node.type));
      const text = node.type === 'and' ? d.and(parts) : d.or(parts);
      // Parentheses only where a reader could group otherwise: a list inside another list or a NOT.
      return parent === null ? text : d.group(text);
    }
    case 'not':
      return node.child.type === 'field'
        ? describeField(node.child.filter, m, true)
        : d.not(describeNode(node.child, c, 'not'));
    case 'near':
      return d.near(
        node.operands.map((operand) => describeOperand(operand, c)),
        node.distance,
      );
    case 'field':
      return describeField(node.filter, m, false);
    case 'word':
    case 'phrase':
    case 'hashtag':
    case 'mention':
      return describeTerm(node, c);
  }
}

function describeOperand(operand: NearOperand, c: Context): string {
  const d = c.messages.describe;
  if (operand.type === 'alternatives') {
    return d.group(d.or(operand.terms.map((term) => describeTerm(term, c))));
  }
  return describeTerm(operand, c);
}

const QUOTES = /^["“«„]|["”»“]$/g;

function describeTerm(term: TextTerm, c: Context): string {
  const d = c.messages.describe;
  // As written (accents and case kept), without its quotes.
  const written = c.source.slice(term.span.start, term.span.end).replace(QUOTES, '').trim();
  switch (term.type) {
    case 'word':
      return term.word.prefix ? d.prefix(written.slice(0, -1)) : d.word(written);
    case 'phrase':
      return d.phrase(written);
    case 'hashtag':
      return d.hashtag(written.slice(1));
    case 'mention':
      return d.mention(written.slice(1));
  }
}

function describeField(filter: FieldFilter, m: QueryMessages, negated: boolean): string {
  const d = m.describe;
  switch (filter.field) {
    case 'lang':
      return d.lang(filter.values.map(d.languageName), negated);
    case 'network':
      return d.network(filter.values.map(d.networkName), negated);
    case 'sentiment':
      return d.sentiment(filter.values, negated);
    case 'intent':
      return d.intent(filter.values.map(d.intentName), negated);
    case 'author':
      return d.author(filter.values, negated);
    case 'has':
      return d.has(filter.values, negated);
    case 'followers':
      return d.followers(filter.min, filter.max, negated);
  }
}
