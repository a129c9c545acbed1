/** Reading the inbox stream's `change` events: `{"conversationIds": [...]}`. */

/** The conversation ids of a change event's data; none when it is not what the server sends. */
export function changedConversationIds(data: string): string[] {
  try {
    const parsed = JSON.parse(data) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'conversationIds' in parsed) {
      const ids = parsed.conversationIds;
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    }
  } catch {
    // Not JSON: treat as a change of unknown conversations (the lists are read again anyway).
  }
  return [];
}
