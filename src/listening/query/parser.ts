/**
 * Recursive-descent parser of the listening query language (docs/LISTENING.md):
 *
 *   query   := or EOF
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*          adjacent terms are ANDed
 *   unary   := ("NOT" | "-") unary | near
 *   near    := primary ["NEAR/n" primary]
 *   primary := "(" or ")" | "\"…\""["~n"] | #tag | @handle | field:value | word[*]
 *
 * so NEAR binds tightest, then NOT, then AND, then OR. Written by hand because no parser package
 * is installed and a grammar this size gains nothing from one, while errors need our own positions
 * and wording. It never throws anything but QuerySyntaxError, and checks its limits (length, depth,
 * terms) before doing the work they bound.
 */
import { findHashtags } from '../../analysis/extract/hashtags.js';
import { findMentions } from '../../analysis/extract/mentions.js';
import type {
  AlternativesNode,
  NearNode,
  NearOperand,
  ParsedQuery,
  PhraseNode,
  QueryNode,
  QueryWord,
  Span,
  TextTerm,
  WordNode,
} from './ast.js';
import { QuerySyntaxError } from './errors.js';
import { FIELD_LIST, closest, fieldNamed, parseFieldValue } from './fields.js';
import { lex, type LexToken } from './lexer.js';
import { QUERY_LIMITS } from './limits.js';
import { tokenize, words } from './text-tokens.js';

export type ParseOutcome = { ok: true; query: ParsedQuery } | { ok: false; error: QuerySyntaxError };

/** Parses `source`; never throws. */
export function parseQuery(source: string): ParseOutcome {
  try {
    return { ok: true, query: parseQueryOrThrow(source) };
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      return { ok: false, error };
    }
    throw error;
  }
}

/** Parses `source`, throwing QuerySyntaxError. */
export function parseQueryOrThrow(source: string): ParsedQuery {
  if (source.length > QUERY_LIMITS.maxLength) {
    throw new QuerySyntaxError('too_long', QUERY_LIMITS.maxLength, source.length, {
      limit: QUERY_LIMITS.maxLength,
      actual: source.length,
    });
  }
  const tokens = lex(source);
  if (tokens.length === 0) {
    throw new QuerySyntaxError('empty', 0, source.length);
  }
  const root = new Parser(source, tokens).parse();
  const unbounded = firstUnbounded(root, false);
  if (unbounded) {
    throw new QuerySyntaxError('only_excludes', unbounded.span.start, unbounded.span.end);
  }
  return { source, root };
}

type Keyword = { kind: 'and' | 'or' | 'not' } | { kind: 'near'; distance: number };

const NEAR = /^NEAR\/(\d+)$/i;

function keyword(token: LexToken | undefined): Keyword | undefined {
  if (token?.kind !== 'bare') {
    return undefined;
  }
  switch (token.text) {
    case 'AND':
      return { kind: 'and' };
    case 'OR':
      return { kind: 'or' };
    case 'NOT':
      return { kind: 'not' };
  }
  const near = NEAR.exec(token.text);
  if (near) {
    return { kind: 'near', distance: Number(near[1]) };
  }
  if (token.text === 'NEAR' || token.text.toUpperCase().startsWith('NEAR/')) {
    throw new QuerySyntaxError('near_distance', token.start, token.end, { token: token.text });
  }
  return undefined;
}

const FIELD = /^(\p{L}+):(.*)$/su;

class Parser {
  private at = 0;
  private terms = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly LexToken[],
  ) {}

  parse(): QueryNode {
    const root = this.parseOr(0);
    const next = this.peek();
    if (next?.kind === 'rparen') {
      throw new QuerySyntaxError('unexpected_paren', next.start, next.end);
    }
    if (next) {
      // Every other token is consumed below; kept as a guard, with an honest message.
      throw new QuerySyntaxError('term_expected_before', next.start, next.end, { token: this.text(next) });
    }
    return root;
  }

  private peek(): LexToken | undefined {
    return this.tokens[this.at];
  }

  private text(token: LexToken): string {
    return this.source.slice(token.start, token.end);
  }

  /** Whether `token` can begin a unary expression. */
  private startsTerm(token: LexToken | undefined): boolean {
    if (!token || token.kind === 'rparen') {
      return false;
    }
    const word = keyword(token);
    return word === undefined || word.kind === 'not';
  }

  /** After an operator: the next token must start a term. */
  private expectTermAfter(operator: LexToken): void {
    if (!this.startsTerm(this.peek())) {
      throw new QuerySyntaxError('term_expected_after', operator.start, operator.end, {
        token: this.text(operator),
      });
    }
  }

  private parseOr(depth: number): QueryNode {
    const children = [this.parseAnd(depth)];
    for (let next = this.peek(); keyword(next)?.kind === 'or' && next; next = this.peek()) {
      this.at++;
      this.expectTermAfter(next);
      children.push(this.parseAnd(depth));
    }
    return children.length === 1
      ? (children[0] as QueryNode)
      : { type: 'or', children, span: spanOf(children) };
  }

  private parseAnd(depth: number): QueryNode {
    const children = [this.parseUnary(depth)];
    for (;;) {
      const next = this.peek();
      if (keyword(next)?.kind === 'and' && next) {
        this.at++;
        this.expectTermAfter(next);
      } else if (!this.startsTerm(next)) {
        break;
      }
      children.push(this.parseUnary(depth));
    }
    return children.length === 1
      ? (children[0] as QueryNode)
      : { type: 'and', children, span: spanOf(children) };
  }

  private parseUnary(depth: number): QueryNode {
    const token = this.peek();
    if (token && (token.kind === 'minus' || keyword(token)?.kind === 'not')) {
      this.checkDepth(depth, token);
      this.at++;
      this.expectTermAfter(token);
      const child = this.parseUnary(depth + 1);
      return { type: 'not', child, span: { start: token.start, end: child.span.end } };
    }
    return this.parseNear(depth);
  }

  private parseNear(depth: number): QueryNode {
    const left = this.parsePrimary(depth);
    const operator = this.peek();
    const near = keyword(operator);
    if (near?.kind !== 'near' || !operator) {
      return left;
    }
    this.at++;
    const next = this.peek();
    if (next && (next.kind === 'minus' || keyword(next)?.kind === 'not')) {
      throw new QuerySyntaxError('near_operand', next.start, next.end, { token: this.text(next) });
    }
    this.expectTermAfter(operator);
    const right = this.parsePrimary(depth);
    const chained = this.peek();
    if (keyword(chained)?.kind === 'near' && chained) {
      throw new QuerySyntaxError('near_chain', chained.start, chained.end);
    }
    const distance = this.checkDistance(near.distance, operator);
    return {
      type: 'near',
      operands: [this.nearOperand(left), this.nearOperand(right)],
      distance,
      syntax: 'near',
      span: { start: left.span.start, end: right.span.end },
    };
  }

  private nearOperand(node: QueryNode): NearOperand {
    const terms: TextTerm[] = [];
    const collect = (part: QueryNode): boolean => {
      switch (part.type) {
        case 'word':
        case 'phrase':
        case 'hashtag':
        case 'mention':
          terms.push(part);
          return true;
        case 'or':
          return part.children.every(collect);
        case 'and':
        case 'not':
        case 'near':
        case 'field':
          return false;
      }
    };
    if (!collect(node)) {
      throw new QuerySyntaxError('near_operand', node.span.start, node.span.end, {
        token: this.source.slice(node.span.start, node.span.end),
      });
    }
    if (terms.length === 1) {
      return terms[0] as TextTerm;
    }
    const alternatives: AlternativesNode = { type: 'alternatives', terms, span: node.span };
    return alternatives;
  }

  private checkDepth(depth: number, token: LexToken): void {
    if (depth >= QUERY_LIMITS.maxDepth) {
      throw new QuerySyntaxError('too_deep', token.start, token.end, { limit: QUERY_LIMITS.maxDepth });
    }
  }

  private checkDistance(distance: number, token: { start: number; end: number }): number {
    if (distance > QUERY_LIMITS.maxDistance) {
      throw new QuerySyntaxError('distance_too_large', token.start, token.end, {
        limit: QUERY_LIMITS.maxDistance,
      });
    }
    return distance;
  }

  /** Counts a term against the limit. */
  private count(span: Span, terms = 1): void {
    this.terms += terms;
    if (this.terms > QUERY_LIMITS.maxTerms) {
      throw new QuerySyntaxError('too_many_terms', span.start, span.end, { limit: QUERY_LIMITS.maxTerms });
    }
  }

  private parsePrimary(depth: number): QueryNode {
    const token = this.peek();
    if (!token) {
      // Callers check that a term follows; this is a safety net.
      throw new QuerySyntaxError('term_expected_after', this.source.length, this.source.length, {
        token: '',
      });
    }
    switch (token.kind) {
      case 'lparen': {
        this.checkDepth(depth, token);
        this.at++;
        const first = this.peek();
        if (first?.kind === 'rparen') {
          throw new QuerySyntaxError('empty_parens', token.start, first.end);
        }
        if (!first) {
          throw new QuerySyntaxError('unclosed_paren', token.start, token.end);
        }
        if (!this.startsTerm(first)) {
          throw new QuerySyntaxError('term_expected_before', first.start, first.end, {
            token: this.text(first),
          });
        }
        const inner = this.parseOr(depth + 1);
        const close = this.peek();
        if (close?.kind !== 'rparen') {
          throw new QuerySyntaxError('unclosed_paren', token.start, token.end);
        }
        this.at++;
        return { ...inner, span: { start: token.start, end: close.end } };
      }
      case 'rparen':
        throw new QuerySyntaxError('unexpected_paren', token.start, token.end);
      case 'minus':
        // parseUnary consumes these; reaching one here means a NEAR operand.
        throw new QuerySyntaxError('near_operand', token.start, token.end, { token: '-' });
      case 'quoted':
        this.at++;
        return this.quoted(token);
      case 'bare': {
        if (keyword(token) !== undefined) {
          throw new QuerySyntaxError('term_expected_before', token.start, token.end, { token: token.text });
        }
        this.at++;
        return this.bare(token);
      }
    }
  }

  private quoted(token: Extract<LexToken, { kind: 'quoted' }>): QueryNode {
    const span = { start: token.start, end: token.end };
    if (token.content.trim().length === 0) {
      throw new QuerySyntaxError('empty_quotes', token.start, token.end);
    }
    // One chunk per space-separated piece: each is a proximity operand; a chunk that splits
    // ("l'équipe") stays a phrase inside it.
    const chunks: { words: QueryWord[]; span: Span }[] = [];
    for (const match of token.content.matchAll(/\S+/gu)) {
      const start = token.contentStart + match.index;
      const chunkWords = this.queryWords(match[0], start);
      if (chunkWords.length > 0) {
        chunks.push({ words: chunkWords, span: { start, end: start + match[0].length } });
      }
    }
    const all = chunks.flatMap((chunk) => chunk.words);
    if (all.length === 0) {
      throw new QuerySyntaxError('no_words', token.contentStart, token.contentStart + token.content.length, {
        token: token.content,
      });
    }
    if (all.length > QUERY_LIMITS.maxPhraseWords) {
      throw new QuerySyntaxError('too_many_words', token.start, token.end, {
        limit: QUERY_LIMITS.maxPhraseWords,
      });
    }
    if (token.distance === null) {
      this.count(span);
      return phraseOrWord(all, span, true);
    }
    if (chunks.length < 2) {
      throw new QuerySyntaxError('proximity_one_word', token.start, token.end);
    }
    this.count(span, chunks.length);
    const near: NearNode = {
      type: 'near',
      operands: chunks.map((chunk) => phraseOrWord(chunk.words, chunk.span, true)),
      distance: this.checkDistance(token.distance, { start: token.tildeAt, end: token.end }),
      syntax: 'tilde',
      span,
    };
    return near;
  }

  private bare(token: Extract<LexToken, { kind: 'bare' }>): QueryNode {
    const { text, start, end } = token;
    const span = { start, end };
    if (text.startsWith('#') || text.startsWith('＃')) {
      return this.hashtag(text, span);
    }
    if (text.startsWith('@')) {
      return this.mention(text, span);
    }
    if (text.includes('~')) {
      throw new QuerySyntaxError('proximity_needs_quotes', start, end, { token: text });
    }
    const field = FIELD.exec(text);
    if (field) {
      const name = field[1] as string;
      const value = field[2] as string;
      const known = fieldNamed(name);
      if (!known) {
        const suggestion = closest(name.toLowerCase(), [...FIELD_LIST, 'language']);
        throw new QuerySyntaxError('unknown_field', start, start + name.length, {
          field: name,
          expected: FIELD_LIST,
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      }
      this.count(span);
      return {
        type: 'field',
        filter: parseFieldValue(known, { text: value, start: start + name.length + 1 }),
        span,
      };
    }
    const queryWords = this.queryWords(text, start);
    if (queryWords.length === 0) {
      throw new QuerySyntaxError('no_words', start, end, { token: text });
    }
    if (queryWords.length > QUERY_LIMITS.maxPhraseWords) {
      throw new QuerySyntaxError('too_many_words', start, end, { limit: QUERY_LIMITS.maxPhraseWords });
    }
    this.count(span);
    return phraseOrWord(queryWords, span, false);
  }

  /** The folded words of one space-free chunk; a trailing `*` makes the last a prefix. */
  private queryWords(chunk: string, start: number): QueryWord[] {
    const prefix = chunk.endsWith('*');
    const body = prefix ? chunk.slice(0, -1) : chunk;
    const star = body.indexOf('*');
    if (star >= 0) {
      throw new QuerySyntaxError('wildcard_inside', start + star, start + star + 1, { token: chunk });
    }
    const tokens = tokenize(body);
    for (let i = 0; i < tokens.words.length; i++) {
      if ((tokens.ends[i] as number) - (tokens.starts[i] as number) > QUERY_LIMITS.maxWordLength) {
        throw new QuerySyntaxError(
          'word_too_long',
          start + (tokens.starts[i] as number),
          start + chunk.length,
          {
            limit: QUERY_LIMITS.maxWordLength,
          },
        );
      }
    }
    const last = tokens.words.length - 1;
    if (prefix) {
      // The star must follow a letter or digit directly: `foo*`, not `foo-*` or a lone `*`.
      if (last < 0 || (tokens.ends[last] as number) !== body.length) {
        throw new QuerySyntaxError('wildcard_inside', start + chunk.length - 1, start + chunk.length, {
          token: chunk,
        });
      }
      if ((tokens.words[last] as string).length < QUERY_LIMITS.minPrefixLength) {
        throw new QuerySyntaxError('wildcard_too_short', start, start + chunk.length, {
          token: chunk,
          limit: QUERY_LIMITS.minPrefixLength,
        });
      }
    }
    return tokens.words.map((text, i) => ({ text, prefix: prefix && i === last }));
  }

  private hashtag(text: string, span: Span): QueryNode {
    if (text.includes('*')) {
      throw new QuerySyntaxError('wildcard_not_allowed', span.start, span.end, { token: text });
    }
    const [match] = findHashtags(text);
    if (!match || match.start !== 0 || match.end !== text.length) {
      throw new QuerySyntaxError('bad_hashtag', span.start, span.end, { token: text });
    }
    this.count(span);
    return { type: 'hashtag', words: words(match.tag), span };
  }

  private mention(text: string, span: Span): QueryNode {
    if (text.includes('*')) {
      throw new QuerySyntaxError('wildcard_not_allowed', span.start, span.end, { token: text });
    }
    const [match] = findMentions(text);
    if (!match || match.start !== 0 || match.end !== text.length) {
      throw new QuerySyntaxError('bad_mention', span.start, span.end, { token: text });
    }
    this.count(span);
    return { type: 'mention', handle: match.handle.toLowerCase(), span };
  }
}

function phraseOrWord(queryWords: QueryWord[], span: Span, quoted: boolean): WordNode | PhraseNode {
  if (queryWords.length === 1) {
    return { type: 'word', word: queryWords[0] as QueryWord, span };
  }
  return { type: 'phrase', words: queryWords, quoted, span };
}

function spanOf(nodes: readonly QueryNode[]): Span {
  return { start: nodes[0]?.span.start ?? 0, end: nodes.at(-1)?.span.end ?? 0 };
}

/**
 * The first part of the tree that only excludes where it should include something, so that the
 * query would match nearly every item (`-spam`, `brand OR -spam`); undefined when the query is
 * bounded. Under a NOT, AND and OR swap roles (De Morgan).
 */
function firstUnbounded(node: QueryNode, negated: boolean): QueryNode | undefined {
  switch (node.type) {
    case 'not':
      return firstUnbounded(node.child, !negated) && node;
    case 'and':
    case 'or': {
      const needsAll = (node.type === 'or') !== negated;
      const found = node.children.map((child) => firstUnbounded(child, negated));
      if (needsAll) {
        return found.find((part) => part !== undefined);
      }
      return found.every((part) => part !== undefined) ? found[0] : undefined;
    }
    case 'word':
    case 'phrase':
    case 'hashtag':
    case 'mention':
    case 'near':
    case 'field':
      return negated ? node : undefined;
  }
}
