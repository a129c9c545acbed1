/** The workspace's own dictionary (brands, products, people, jargon): case-insensitive, simple plurals. */

export type WorkspaceMatcher = (word: string) => boolean;

/** Builds a matcher; multi-word entries ("Hearth Cloud") contribute each of their words. */
export function workspaceMatcher(words: readonly string[] | undefined): WorkspaceMatcher {
  if (!words || words.length === 0) {
    return () => false;
  }
  const known = new Set<string>();
  for (const entry of words) {
    const key = normalise(entry);
    known.add(key);
    for (const part of key.split(/[\s-]+/u)) {
      if (part) {
        known.add(part);
      }
    }
  }
  return (word) => {
    const key = normalise(word);
    if (known.has(key)) {
      return true;
    }
    // Plurals and possessives: "Hearths", "Hearth's", "bureaux" for "bureau".
    for (const ending of ["'s", 's', 'x', 'es']) {
      if (key.endsWith(ending) && known.has(key.slice(0, -ending.length))) {
        return true;
      }
    }
    return false;
  };
}

function normalise(word: string): string {
  return word.trim().replace(/’/gu, "'").toLowerCase();
}
