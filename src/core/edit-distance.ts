// Nearest-name suggestions for misspelt keys, refs and unit names.

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps (titel → title is 1). */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, i) => i);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[right.length]!;
}

/** The closest candidate, when it is close enough to be a plausible typo. */
export function nearestName(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const allowed = Math.max(1, Math.floor(Math.max([...input].length, 2) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/**
 * The closest candidates, nearest first (ties in the order given), each close enough to be a
 * plausible typo of the input; at most `limit`.
 */
export function nearestNames(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const allowed = Math.max(1, Math.floor(Math.max([...input].length, 2) / 3));
  const scored: { name: string; distance: number; index: number }[] = [];
  let index = 0;
  for (const name of new Set(candidates)) {
    const distance = editDistance(input, name);
    if (distance <= allowed) scored.push({ name, distance, index });
    index += 1;
  }
  return scored.sort((a, b) => a.distance - b.distance || a.index - b.index).slice(0, limit).map((entry) => entry.name);
}
