/** Typo suggestions ("did you mean …?") shared by the parser and the theme loader. */

/** Edit distance between two strings (insertions, deletions, substitutions and swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `name`, if it is close enough to be a likely typo: at most a third of
 * the name's length away (and at most 3 edits), comparing case-insensitively and ignoring `-`/`_`.
 */
export function closestName(name: string, candidates: readonly string[]): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/gu, '');
  const wanted = norm(name);
  if (wanted.length > 40) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, norm(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  return bestDistance <= limit ? best : null;
}

/**
 * Finds the candidate closest to a misspelt word, or null when none is close enough to be a
 * plausible typo. Comparison ignores case, so 'Blue' and 'blackbright' find their spellings.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | null {
  const needle = word.toLowerCase();
  // Short words tolerate one edit, longer ones roughly one edit in three characters.
  const limit = Math.max(1, Math.floor(needle.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}
