// plan-check template: the forms departments fill in, read back by status with no edit.
import path from 'node:path';
import { type TemplateRow, owningUnits, templateRows } from '../../core/template.js';
import { resolveOwner } from '../../core/select.js';
import { t } from '../../i18n/labels.js';
import { UsageError } from '../../io/find-sources.js';
import { formFileName, writeForm } from '../../io/template-files.js';
import { OutputIsInputError } from '../../io/write-output.js';
import { templateXlsx } from '../../io/xlsx-write.js';
import { templateCsv } from '../../report/template-csv.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type SelectionOptions, checkChoice, prepare } from './shared.js';

export const templateFormats = ['xlsx', 'csv'] as const;

interface TemplateOptions extends SelectionOptions {
  split?: string;
}

export async function runTemplate(paths: string[], options: TemplateOptions, io: CliIo): Promise<Outcome> {
  const format = options.format ?? 'xlsx';
  checkChoice('--format', format, templateFormats);
  const { prepared, outcome } = await prepare(paths, options, io);
  if (!prepared) return outcome;
  const { lang } = prepared.ctx;
  const formLang = lang === 'zh-CN' ? 'zh' : 'en';
  const project = prepared.loaded.project;
  if (options.owner === undefined && options.split === undefined) throw new UsageError(t(lang, 'template.need_unit'));
  const inputs = [...prepared.loaded.files.map((file) => file.absolute), ...(prepared.loaded.configFile ? [prepared.loaded.configFile] : [])];
  const render = async (rows: TemplateRow[]): Promise<string | Uint8Array> =>
    format === 'xlsx' ? templateXlsx(rows, formLang) : templateCsv(rows, formLang, options.bom !== false && Boolean(options.output !== '-'));
  const write = (file: string, content: string | Uint8Array, rows: number, shown: string) => {
    try {
      writeForm(file, content, inputs);
    } catch (error) {
      if (error instanceof OutputIsInputError) throw new UsageError(t(lang, 'error.output_is_input', { path: shown }));
      throw new UsageError(t(lang, 'error.write_failed', { path: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
    io.stderr.write(`${t(lang, 'wrote', { path: shown, rows })}\n`);
  };
  if (options.split !== undefined) {
    for (const unit of owningUnits(project)) {
      const rows = templateRows(project, new Set([unit]));
      const shown = path.join(options.split, formFileName(unit, format));
      write(path.resolve(io.cwd, shown), await render(rows), rows.length, shown);
    }
    return {};
  }
  const owner = options.owner!;
  const rows = templateRows(project, resolveOwner(owner, project.plans));
  if (rows.length === 0) throw new UsageError(t(lang, 'template.none', { owner }));
  const content = await render(rows);
  if (format === 'csv' && (!options.output || options.output === '-')) {
    io.stdout.write(content as string);
    return {};
  }
  const shown = options.output && options.output !== '-' ? options.output : formFileName(owner, format);
  write(path.resolve(io.cwd, shown), content, rows.length, shown);
  return {};
}
