// The fill-in form as CSV: the template's header and lines, with a BOM so that Excel opens it as UTF-8.
import { formLang, templateCells, templateColumns } from '../core/template.js';
import type { FormatContext } from './context.js';
import type { TemplateReport } from './reports.js';

const quoted = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function templateCsv({ rows }: TemplateReport, ctx: FormatContext): string {
  const lines = [templateColumns[formLang(ctx.lang)], ...rows.map(templateCells)].map((cells) => cells.map(quoted).join(','));
  return `${ctx.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
