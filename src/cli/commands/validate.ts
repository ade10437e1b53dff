// plan-check validate: every problem of every file in one run.
import { countProject } from '../../core/project.js';
import { t } from '../../i18n/labels.js';
import { displayPath } from '../../io/find-sources.js';
import { diagnosticsFormats, formatNames, formatterOf } from '../../report/formats.js';
import type { CheckedFile } from '../../report/reports.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type Loaded, loadInputs } from '../load.js';
import { type CommandOptions, reportLang, resolveSettings } from '../settings.js';
import { formatContext } from './shared.js';

export const validateFormats = formatNames(diagnosticsFormats);

/** Every file validate checked, as displayed: the config file (when one was read) and the inputs. */
function checkedFiles(loaded: Loaded, cwd: string): CheckedFile[] {
  const files: CheckedFile[] = loaded.files.map((f) => ({ path: f.display, kind: f.kind }));
  if (loaded.configFile) files.unshift({ path: displayPath(loaded.configFile, cwd), kind: 'config' });
  return files;
}

export async function runValidate(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: validateFormats });
  const loaded = await loadInputs(settings, io);
  const lang = reportLang(settings, loaded.project.plans, loaded.texts.values());
  if (loaded.files.length === 0 && loaded.diagnostics.length === 0) {
    io.stderr.write(`plan-check: ${t(lang, 'error.no_plans')}\n`);
    return { usageError: true };
  }
  const formatter = await formatterOf(diagnosticsFormats, settings.format);
  const report = {
    diagnostics: loaded.diagnostics,
    texts: loaded.texts,
    files: checkedFiles(loaded, io.cwd),
    counts: countProject(loaded.project),
    plans: loaded.project.plans,
  };
  io.stdout.write(await formatter(report, formatContext(lang, settings.colour.stdout, settings, io)));
  const errors = loaded.diagnostics.some((d) => d.severity === 'error');
  return { invalidInput: errors && !loaded.unreadable, unreadableInput: loaded.unreadable };
}
