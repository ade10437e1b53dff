// plan-check template: the forms departments fill in, read back by status with no edit.
import path from 'node:path';
import { type TemplateRow, formFileName, owningUnits, templateRows } from '../../core/template.js';
import { resolveOwner } from '../../core/select.js';
import { t } from '../../i18n/labels.js';
import type { FormatContext } from '../../report/context.js';
import { escapeForTerminal } from '../../report/escape.js';
import { formatNames, templateFormats } from '../../report/formats.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { UsageError } from '../usage-error.js';
import { formatterOf, prepare, writeReportFile } from './shared.js';

export async function runTemplate(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(templateFormats) });
  const { prepared, outcome } = await prepare(settings, io);
  if (!prepared) return outcome;
  const { lang } = prepared.ctx;
  const project = prepared.loaded.project;
  const { owner } = settings.selection;
  if (owner === undefined && settings.split === undefined) throw new UsageError(t(lang, 'template.need_unit'));
  const formatter = await formatterOf(templateFormats, settings.format);
  const inputs = [
    ...prepared.loaded.files.map((file) => file.absolute),
    ...(prepared.loaded.configFile ? [prepared.loaded.configFile] : []),
  ];
  // a form written to a file has a BOM (Excel then opens CSV as UTF-8) unless --no-bom
  const fileCtx: FormatContext = { ...prepared.ctx, bom: settings.bom };
  const write = async (file: string, rows: TemplateRow[]): Promise<void> => {
    writeReportFile(file, await formatter({ rows }, fileCtx), inputs, lang, io, { makeFolder: true });
    io.stderr.write(`${t(lang, 'wrote', { path: escapeForTerminal(file), rows: rows.length })}\n`);
  };
  if (settings.split !== undefined) {
    for (const unit of owningUnits(project))
      await write(path.join(settings.split, formFileName(unit, settings.format)), templateRows(project, new Set([unit])));
    return {};
  }
  const rows = templateRows(project, resolveOwner(owner!, project.plans));
  if (rows.length === 0) throw new UsageError(t(lang, 'template.none', { owner: escapeForTerminal(owner!) }));
  if (settings.format === 'csv' && settings.output === undefined) {
    io.stdout.write(await formatter({ rows }, prepared.ctx));
    return {};
  }
  await write(settings.output ?? formFileName(owner!, settings.format), rows);
  return {};
}
