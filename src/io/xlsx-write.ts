// The fill-in form as an .xlsx workbook: sheet 报送 (the data: header frozen, widths for Chinese
// text, validation on the cells people fill in, the other columns locked, no formulas) and an
// instruction sheet. exceljs is loaded only here and in xlsx-read.ts.
import { formLang, inputColumns, templateCells, templateColumns } from '../core/template.js';
import type { FormatContext } from '../report/context.js';
import type { TemplateReport } from '../report/reports.js';
import { displayWidth } from '../report/wrap.js';
import { loadExcelJs, reportSheetName } from './xlsx-read.js';

const instructions = {
  zh: [
    '填写说明',
    '1. 在“报送”表中，每行是本单位负责的一项指标。灰色列（计划、指标、指标名称、目标、计量单位、上次数值）只供阅读，已锁定。',
    '2. 截至日期：填写数据截至的日期，如 2024-06-30 或 2024/6/30。',
    '3. 数量类指标填“数值”；百分比类指标（目标带 %）请填“完成数”和“应完成数”两列，不要在一个单元格里写 47/50（Excel 会把它当成日期）。',
    '4. 填报单位已预填；如有说明请写在“备注”。本次没有数据的行可以留空，读取时会跳过。',
    '5. 保存为 .xlsx 后发回；不要改动表头和工作表名称“报送”。',
  ],
  en: [
    'How to fill in this form',
    '1. In the sheet 报送 each row is one target your unit owns. The grey columns (plan, target, metric, required, unit, previous) are for reading and locked.',
    '2. as_of: the date the figure stands at, e.g. 2024-06-30 or 2024/6/30.',
    '3. Counts go in "value"; for percentage targets (a % in "required") fill "done" and "of", never 47/50 in one cell (Excel turns it into a date).',
    '4. reported_by is filled in; add remarks in "note". Rows left empty are skipped when the form is read.',
    '5. Save as .xlsx and send it back; keep the header and the sheet name 报送.',
  ],
} as const;

/** Column widths in Excel's character units, from the widest display text (a Chinese character counts two). */
export function columnWidths(header: readonly string[], rows: readonly string[][]): number[] {
  return header.map((name, index) =>
    Math.min(60, Math.max(10, displayWidth(name), ...rows.map((cells) => displayWidth(cells[index] ?? ''))) + 2),
  );
}

export async function templateXlsx({ rows }: TemplateReport, ctx: FormatContext): Promise<Uint8Array> {
  const lang = formLang(ctx.lang);
  const ExcelJS = loadExcelJs();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(reportSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = [...templateColumns[lang]];
  const cells = rows.map(templateCells);
  sheet.columns = columnWidths(header, cells).map((width) => ({ width }));
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  for (const [index, row] of rows.entries()) {
    const line = sheet.addRow(cells[index]!);
    for (let column = 1; column <= header.length; column += 1) {
      const cell = line.getCell(column);
      const input = inputColumns.has(column - 1);
      cell.protection = { locked: !input };
      if (!input) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    }
    // the unit and the note are text as typed
    for (const column of [11, 12]) line.getCell(column).numFmt = '@';
    const dateCell = line.getCell(7);
    dateCell.numFmt = 'yyyy-mm-dd';
    dateCell.dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      showErrorMessage: true,
      formulae: [new Date(Date.UTC(2000, 0, 1))],
      errorTitle: lang === 'zh' ? '截至日期' : 'as_of',
      error: lang === 'zh' ? '请填写日期，如 2024-06-30' : 'Enter a date such as 2024-06-30',
    };
    const numberCells = row.fraction ? [9, 10] : [8];
    for (const column of numberCells) {
      line.getCell(column).dataValidation = {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        showErrorMessage: true,
        formulae: [0],
        error: lang === 'zh' ? '请填写不小于 0 的数字' : 'Enter a number, 0 or more',
      };
    }
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const help = book.addWorksheet(lang === 'zh' ? '填写说明' : 'Instructions');
  help.columns = [{ width: 110 }];
  for (const text of instructions[lang]) help.addRow([text]);
  help.getRow(1).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
