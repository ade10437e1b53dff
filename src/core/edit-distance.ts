// Nearest-name suggestions for misspelt keys, refs and unit names.

/** A string's characters: the string itself when every one is a single UTF-16 unit (no allocation). */
const SURROGATE = /[\ud800-\udfff]/;
const charsOf = (text: string): string | string[] => (SURROGATE.test(text) ? [...text] : text);

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps (titel → title is 1). */
export function editDistance(a: string, b: string): number {
  const left = charsOf(a);
  const right = charsOf(b);
  const width = right.length + 1;
  // three rows, reused: comparing thousands of names must not allocate per cell
  let beforePrevious = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= left.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[right.length]!;
}

/** The closest candidate, when it is close enough to be a plausible typo. */
export function nearestName(input: string, candidates: Iterable<string>): string | undefined {
  const length = charsOf(input).length;
  const allowed = Math.max(1, Math.floor(Math.max(length, 2) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // the distance is at least the difference in length: a candidate that cannot be closer, or
    // close enough, is not compared
    const atLeast = Math.abs(charsOf(candidate).length - length);
    if (atLeast > allowed || atLeast >= bestDistance) continue;
    const distance = editDistance(input, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
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
  return scored
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.name);
}

/**
 * How many candidates one run may compare names with to suggest the closest: a few hundred
 * thousand edit distances (under a second). Past it a message has no suggestion, so that 5,000
 * unknown units against a registry of 2,000 (ten million comparisons, over a minute) cost no more.
 */
const SUGGESTION_COMPARISONS = 200_000;

/** The comparisons left for suggestions in one run (one join, one plan). */
export class SuggestionBudget {
  constructor(private left: number = SUGGESTION_COMPARISONS) {}

  /** Spend `comparisons`; false (and nothing spent) when fewer are left. */
  spend(comparisons: number): boolean {
    if (comparisons > this.left) return false;
    this.left -= comparisons;
    return true;
  }
}
