/**
 * The typed tree a listening query parses into. Every node keeps its span in the query text, so
 * errors, descriptions and "why it matched" can point back at what the user wrote.
 */
import type { IntentLabel, SentimentLabel } from '../../analysis/types.js';

/** [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** One folded word of a query; `prefix` for a trailing wildcard (`sustainab*`). */
export interface QueryWord {
  text: string;
  prefix: boolean;
}

interface NodeBase {
  /** Where the node is in the query text. */
  span: Span;
}

/** A single word, possibly with a trailing wildcard. */
export interface WordNode extends NodeBase {
  type: 'word';
  word: QueryWord;
}

/**
 * Words next to each other, in order: a quoted phrase, or an unquoted word the tokeniser splits
 * ("l'équipe" → l equipe, "e-mail" → e mail).
 */
export interface PhraseNode extends NodeBase {
  type: 'phrase';
  words: QueryWord[];
  quoted: boolean;
}

/** `#tag`: a hashtag whose folded words equal these. */
export interface HashtagNode extends NodeBase {
  type: 'hashtag';
  /** Folded words of the tag ("#Équipe_de_France" → equipe de france). */
  words: string[];
}

/** `@handle`: a mention of that handle (lower case, without '@'). */
export interface MentionNode extends NodeBase {
  type: 'mention';
  handle: string;
}

/** What occupies positions in a text, and so can take part in proximity. */
export type TextTerm = WordNode | PhraseNode | HashtagNode | MentionNode;

/** `(a OR "b c")` as an operand of NEAR: any one of the terms. */
export interface AlternativesNode extends NodeBase {
  type: 'alternatives';
  terms: TextTerm[];
}

export type NearOperand = TextTerm | AlternativesNode;

/**
 * Proximity: every operand occurs, in any order, with at most `distance` other words between the
 * first and the last of them. `a NEAR/5 b` (syntax 'near') and `"a b"~5` (syntax 'tilde').
 */
export interface NearNode extends NodeBase {
  type: 'near';
  operands: NearOperand[];
  distance: number;
  syntax: 'near' | 'tilde';
}

export type HasFeature = 'link' | 'image' | 'mention' | 'hashtag';

/** A condition on the item's metadata; a field with several values (`lang:fr|en`) accepts any of them. */
export type FieldFilter =
  | { field: 'lang'; values: string[] }
  | { field: 'network'; values: string[] }
  | { field: 'sentiment'; values: SentimentLabel[] }
  | { field: 'intent'; values: IntentLabel[] }
  /** Handles in lower case, without '@'. */
  | { field: 'author'; values: string[] }
  | { field: 'has'; values: HasFeature[] }
  /** Inclusive bounds; null where open. */
  | { field: 'followers'; min: number | null; max: number | null };

export type FieldName = FieldFilter['field'];

export interface FieldNode extends NodeBase {
  type: 'field';
  filter: FieldFilter;
}

export interface AndNode extends NodeBase {
  type: 'and';
  children: QueryNode[];
}

export interface OrNode extends NodeBase {
  type: 'or';
  children: QueryNode[];
}

export interface NotNode extends NodeBase {
  type: 'not';
  child: QueryNode;
}

export type QueryNode = TextTerm | NearNode | FieldNode | AndNode | OrNode | NotNode;

/** A parsed query: the text as given and its tree. */
export interface ParsedQuery {
  source: string;
  root: QueryNode;
}

/** Terms and filters of a tree, in query order, with whether each sits under a NOT. */
export function leaves(root: QueryNode): { node: TextTerm | NearNode | FieldNode; negated: boolean }[] {
  const found: { node: TextTerm | NearNode | FieldNode; negated: boolean }[] = [];
  const walk = (node: QueryNode, negated: boolean): void => {
    switch (node.type) {
      case 'and':
      case 'or':
        for (const child of node.children) {
          walk(child, negated);
        }
        return;
      case 'not':
        walk(node.child, !negated);
        return;
      case 'word':
      case 'phrase':
      case 'hashtag':
      case 'mention':
      case 'near':
      case 'field':
        found.push({ node, negated });
        return;
    }
  };
  walk(root, false);
  return found;
}
