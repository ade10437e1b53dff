// The language-neutral pieces of diagnostic messages: lists and type names joined.
import type { DiagnosticArgs } from '../core/diagnostics.js';

export const list = (value: DiagnosticArgs[string]): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
export const typeNames = (value: DiagnosticArgs[string], names: Record<string, string>, separator: string): string =>
  String(value ?? '')
    .split('|')
    .map((name) => names[name] ?? name)
    .join(separator);
