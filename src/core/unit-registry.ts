// A plan's unit registry (`units:`), built once when the plan is read and kept on the plan: every
// place that names a unit (normalising the plan, joining reporting units and duty records, --owner,
// templates, diff) resolves it through this one table, exactly or after the text fold.
import { foldName } from './text-fold.js';

export interface UnitRegistry {
  /** every name and alias as written → its canonical name */
  readonly written: ReadonlyMap<string, string>;
  /** every name and alias folded (invisible characters removed) → its canonical name (the first one written wins) */
  readonly folded: ReadonlyMap<string, string>;
  /** the canonical names, folded */
  readonly canonical: ReadonlySet<string>;
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The registry of written names → canonical names (the pairs a plan snapshot keeps). */
export function unitRegistryOf(written: Iterable<readonly [string, string]>): UnitRegistry {
  const names = new Map(written);
  const folded = new Map<string, string>();
  for (const [known, canonical] of names) {
    const key = foldName(known);
    if (!folded.has(key)) folded.set(key, canonical);
  }
  return { written: names, folded, canonical: new Set([...names.values()].map(foldName)) };
}

/**
 * The registry of a plan's `units:` list (a name, or {name, aliases}); undefined when the plan has
 * none, so nothing is checked against it. Entries of the wrong shape were reported by the schema.
 */
export function buildUnitRegistry(units: unknown): UnitRegistry | undefined {
  if (!Array.isArray(units) || units.length === 0) return undefined;
  const pairs: [string, string][] = [];
  for (const entry of units) {
    if (typeof entry === 'string') pairs.push([entry, entry]);
    const object = asObject(entry);
    const name = typeof object?.name === 'string' ? object.name : undefined;
    if (!name) continue;
    pairs.push([name, name]);
    const aliases = typeof object?.aliases === 'string' ? [object.aliases] : Array.isArray(object?.aliases) ? object.aliases : [];
    for (const alias of aliases) if (typeof alias === 'string') pairs.push([alias, name]);
  }
  return unitRegistryOf(pairs);
}

/** The canonical name of a unit as written in the plan (exactly, else folded); undefined if unknown. */
export function registeredUnit(registry: UnitRegistry, name: string): string | undefined {
  return registry.written.get(name) ?? registry.folded.get(foldName(name));
}

/**
 * One reporting unit, however it was typed: the name folded, and a registered name or alias
 * resolved to its canonical name, so a unit is never counted twice.
 */
export function reportingUnit(registry: UnitRegistry | undefined, name: string): string {
  const folded = foldName(name);
  return registry?.folded.get(folded) ?? folded;
}
