// plan-check validate: every problem of every file in one run.
import { countProject } from '../../core/project.js';
import { t } from '../../i18n/labels.js';
import { formatDiagnosticsGithub, formatDiagnosticsText } from '../../report/diagnostics-text.js';
import { formatDiagnosticsJson } from '../../report/json.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { loadInputs } from '../load.js';
import { type CommonOptions, resolveChalk, resolveLang } from '../settings.js';
import { checkChoice, formatContext } from './shared.js';

export const validateFormats = ['text', 'json', 'github'] as const;

export function runValidate(paths: string[], options: CommonOptions & { format?: string }, io: CliIo): Outcome {
  const format = options.format ?? 'text';
  checkChoice('--format', format, validateFormats);
  const loaded = loadInputs(paths, options, io);
  const lang = resolveLang(options, loaded.config, io.env, loaded.project.plans);
  if (loaded.files.length === 0 && loaded.diagnostics.length === 0) {
    io.stderr.write(`plan-check: ${t(lang, 'error.no_plans')}\n`);
    return { usageError: true };
  }
  const ctx = formatContext(lang, resolveChalk(options, io.env, io.stdout.isTTY), io);
  const diagnostics = loaded.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (format === 'json') {
    io.stdout.write(formatDiagnosticsJson(diagnostics, lang));
  } else if (format === 'github') {
    io.stdout.write(formatDiagnosticsGithub(diagnostics, ctx));
  } else {
    const counts = countProject(loaded.project);
    io.stdout.write(formatDiagnosticsText(diagnostics, loaded.texts, ctx));
    if (diagnostics.length > 0) io.stdout.write('\n');
    const values = { ...counts, actuals: counts.actualsFiles, errors, warnings, files: new Set(diagnostics.map((d) => d.file)).size };
    const key = errors > 0 ? 'validate.problems' : warnings > 0 ? 'validate.warnings_only' : 'validate.ok';
    io.stdout.write(`${t(lang, key, values)}\n`);
  }
  return { invalidInput: errors > 0 && !loaded.unreadable, unreadableInput: loaded.unreadable };
}
