// The kinds of input file, named once: how a file name says its kind, where the files of a kind
// are looked for by default, and whether it holds plans or actuals. File discovery, the default
// globs and validate's JUnit suites all derive from this table; a new input kind is one entry
// here (plus its reader in the project loader). `contents` says how a file's contents are taken:
// decoded as text, or a spreadsheet's sheet that src/io unpacked from its bytes.
const sourceKinds = {
  plan: { holds: 'plans', suffixes: ['.plan.yaml', '.plan.yml'], contents: 'text' },
  'actuals-yaml': { holds: 'actuals', suffixes: ['.actuals.yaml', '.actuals.yml'], contents: 'text' },
  'actuals-csv': { holds: 'actuals', suffixes: ['.actuals.csv'], contents: 'text' },
  // .xls and .et are recognised so that they are refused with a hint to save as .xlsx
  'actuals-xlsx': { holds: 'actuals', suffixes: ['.actuals.xlsx', '.actuals.xls', '.actuals.et'], contents: 'sheet' },
} as const satisfies Record<string, { holds: 'plans' | 'actuals'; suffixes: readonly string[]; contents: 'text' | 'sheet' }>;

export type SourceKind = keyof typeof sourceKinds;
/** The kinds whose contents are text (each has a text reader in the project loader). */
export type TextKind = { [K in SourceKind]: (typeof sourceKinds)[K]['contents'] extends 'text' ? K : never }[SourceKind];

const kinds = Object.keys(sourceKinds) as SourceKind[];

/** The kind a file name says (case does not matter), or undefined for any other file. */
export function sourceKindOf(path: string): SourceKind | undefined {
  const name = path.toLowerCase();
  return kinds.find((kind) => sourceKinds[kind].suffixes.some((suffix) => name.endsWith(suffix)));
}

/** The kinds that hold plans, or actuals. */
export const kindsHolding = (holds: 'plans' | 'actuals'): SourceKind[] => kinds.filter((kind) => sourceKinds[kind].holds === holds);

/** Where plan-check looks for each side when plan-check.yaml does not say: every file of those kinds, in any folder. */
export const defaultGlobs = {
  plans: kindsHolding('plans').flatMap((kind) => sourceKinds[kind].suffixes.map((suffix) => `**/*${suffix}`)),
  actuals: kindsHolding('actuals').flatMap((kind) => sourceKinds[kind].suffixes.map((suffix) => `**/*${suffix}`)),
};
