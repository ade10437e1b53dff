// plan-check validate: every problem of every file in one run.
import path from 'node:path';
import { countProject } from '../../core/project.js';
import { t } from '../../i18n/labels.js';
import { formatDiagnosticsGithub, formatDiagnosticsText } from '../../report/diagnostics-text.js';
import { formatDiagnosticsJson } from '../../report/json.js';
import { type CheckedFile, formatDiagnosticsJunit } from '../../report/junit.js';
import { formatDiagnosticsSarif } from '../../report/sarif.js';
import { VERSION } from '../../version.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type Loaded, loadInputs } from '../load.js';
import { type CommonOptions, resolveChalk, resolveLang } from '../settings.js';
import { checkChoice, formatContext } from './shared.js';

import { validateFormats } from '../formats.js';

export { validateFormats };

/**
 * Every file validate checked, as displayed: the config file (when one was read) and the inputs.
 * The config path is shown as load.ts shows it: relative with forward slashes inside the working
 * folder, else absolute.
 */
function checkedFiles(loaded: Loaded, cwd: string): CheckedFile[] {
  const files: CheckedFile[] = loaded.files.map((f) => ({ path: f.display, kind: f.kind }));
  if (loaded.configFile) {
    const relative = path.relative(cwd, loaded.configFile);
    const display = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : loaded.configFile;
    files.unshift({ path: display, kind: 'config' });
  }
  return files;
}

export async function runValidate(paths: string[], options: CommonOptions & { format?: string }, io: CliIo): Promise<Outcome> {
  const format = options.format ?? 'text';
  checkChoice('--format', format, validateFormats);
  const loaded = await loadInputs(paths, options, io);
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
  } else if (format === 'sarif') {
    const files = checkedFiles(loaded, io.cwd).map((f) => f.path);
    io.stdout.write(formatDiagnosticsSarif(diagnostics, { files, sources: loaded.texts, lang, version: VERSION }));
  } else if (format === 'junit') {
    io.stdout.write(formatDiagnosticsJunit(diagnostics, checkedFiles(loaded, io.cwd), lang));
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
