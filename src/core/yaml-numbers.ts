// Numbers YAML reads in a form nobody writes a figure in: 0x10 is 16, 0o17 is 15, and 1e-400 is
// too small for a double and silently becomes 0 (1e400 becomes Infinity, which the schema check
// already refuses). CSV refuses these forms; a plan or YAML actuals get an error at the number.
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import type { Locator } from './yaml-source.js';

/** A text that may hold such a number: the check walks the data only then (reading a number's source costs a full parse). */
const MAY_HOLD = /0[xXoO][0-9a-fA-F]|[0-9.][eE][-+]?[0-9]/;

function formOf(source: string, value: number): 'hex' | 'octal' | 'underflow' | undefined {
  const unsigned = source.replace(/^[-+]/, '');
  if (/^0x/i.test(unsigned)) return 'hex';
  if (/^0o/i.test(unsigned)) return 'octal';
  // a non-zero mantissa with an exponent that makes it 0
  if (value === 0 && /[eE]/.test(unsigned) && /[1-9]/.test(unsigned.split(/[eE]/)[0]!)) return 'underflow';
  return undefined;
}

export function checkNumberForms(data: unknown, text: string, file: string, locator: Locator): Diagnostic[] {
  if (!MAY_HOLD.test(text)) return [];
  const out: Diagnostic[] = [];
  const walk = (value: unknown, path: JsonPath): void => {
    if (typeof value === 'number') {
      const source = locator.sourceText(path);
      const form = source === undefined ? undefined : formOf(source, value);
      if (form)
        out.push(
          makeDiagnostic(
            'yaml-number-form',
            file,
            locator.locate(path),
            { value: source, form, decimal: form === 'underflow' ? undefined : String(value) },
            path,
          ),
        );
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(data, []);
  return out;
}
