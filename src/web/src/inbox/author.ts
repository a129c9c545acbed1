/** How a conversation's author is named: their name, else their handle (network text, shown escaped). */
import type { Conversation } from './inbox.api';

export const authorOf = (author: Conversation['author']): string | null =>
  author.name?.trim() || (author.handle ? `@${author.handle}` : null);
