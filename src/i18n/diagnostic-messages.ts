// One message per diagnostic code, in each language, from the two catalogs: `satisfies
// Record<DiagnosticCode, …>` there makes a new code impossible to half-add.
import type { DiagnosticArgs, DiagnosticCode } from '../core/diagnostics.js';
import { messages as en } from './en.js';
import type { Lang } from './labels.js';
import { messages as zh } from './zh-CN.js';

export function diagnosticMessage(code: DiagnosticCode, args: DiagnosticArgs, lang: Lang): string {
  return (lang === 'zh-CN' ? zh : en)[code](args);
}
