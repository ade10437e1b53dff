// For tsconfig.core.json only: csv-parse's own declarations reference Node's types (Buffer), which
// would make every Node global visible to the core. The core hands it strings.
export function parse(input: string, options?: Record<string, unknown>): string[][];
