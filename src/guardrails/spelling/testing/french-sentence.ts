/**
 * One French sentence and its findings, asserted against both the in-process checker
 * (spelling.test.ts) and the threaded one (threaded.test.ts): each test file loads French once.
 */
import type { Finding } from '../../types.js';

export const FRENCH_SENTENCE = 'Nous avons recu votre comande chez Zorglubia, merci !';

const unknown = { rule: 'spelling.unknown-word', category: 'spelling' } as const;

export const FRENCH_FINDINGS: Finding[] = [
  {
    ...unknown,
    severity: 'error',
    start: 11,
    end: 15,
    text: 'recu',
    message: '“recu” is not in the dictionary: check its spelling.',
    suggestions: ['reçu', 'revu', 'recul', 'rebu', 'relu'],
  },
  {
    ...unknown,
    severity: 'error',
    start: 22,
    end: 29,
    text: 'comande',
    message: '“comande” is not in the dictionary: check its spelling.',
    suggestions: ['commande', 'romande'],
  },
  {
    ...unknown,
    severity: 'warning',
    start: 35,
    end: 44,
    text: 'Zorglubia',
    message: '“Zorglubia” is not in the dictionary: if it is a name, add it to the workspace dictionary.',
    suggestions: [],
  },
];
