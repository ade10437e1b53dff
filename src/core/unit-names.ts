// Reporting units that are probably one unit spelt two ways (contract v2, "reporting units"):
// 区市场监督管理局 and its short form 区市场监管局, a bracketed suffix, an edit distance of 1–2.
import { editDistance } from './edit-distance.js';
import { foldName as fold } from './text-fold.js';

/**
 * One name is the other's short form: the shorter keeps the longer's first and last characters
 * and the rest of its characters in order (区市场监管局 in 区市场监督管理局).
 */
export function abbreviates(a: string, b: string): boolean {
  const [short, long] = [...fold(a)].length <= [...fold(b)].length ? [[...fold(a)], [...fold(b)]] : [[...fold(b)], [...fold(a)]];
  if (short.length < 2 || short.length === long.length || short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1])
    return false;
  let at = 0;
  for (const char of long) if (char === short[at]) at += 1;
  return at === short.length;
}

/** A name without a bracketed suffix: 区市场监管局（食药安办） → 区市场监管局. */
const withoutBracket = (name: string): string =>
  fold(name)
    .replace(/\([^()]*\)$/, '')
    .trim();

/** Two unit names that probably name one unit. */
export function probablySameUnit(a: string, b: string): boolean {
  const [x, y] = [fold(a), fold(b)];
  if (x === y) return false;
  if (abbreviates(x, y)) return true;
  if (withoutBracket(x) === withoutBracket(y)) return true;
  const shorter = Math.min([...x].length, [...y].length);
  // 1–2 edits, on names long enough that two edits do not make any two names alike (区卫健局 vs 区教体局)
  const distance = editDistance(x, y);
  return distance >= 1 && (distance === 1 ? shorter >= 4 : distance === 2 && shorter >= 6);
}

/** The registered name closest to `name`, preferring one it abbreviates or is abbreviated by. */
export function closestUnit(name: string, registered: Iterable<string>): { name: string; alias: boolean } | undefined {
  let best: { name: string; alias: boolean; distance: number } | undefined;
  for (const candidate of registered) {
    const alias = abbreviates(name, candidate);
    const distance = alias ? -1 : editDistance(fold(name), fold(candidate));
    if (!best || distance < best.distance) best = { name: candidate, alias, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.floor([...fold(name)].length / 3));
  return best.alias || best.distance <= allowed ? { name: best.name, alias: best.alias } : undefined;
}
