// The fill-in form as CSV: the template's header and lines, with a BOM so that Excel opens it as UTF-8.
import { type TemplateRow, templateCells, templateColumns } from '../core/template.js';

const quoted = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function templateCsv(rows: readonly TemplateRow[], lang: 'zh' | 'en', bom: boolean): string {
  const lines = [templateColumns[lang], ...rows.map(templateCells)].map((cells) => cells.map(quoted).join(','));
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
