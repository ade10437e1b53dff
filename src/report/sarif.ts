// SARIF 2.1.0 for `validate --format sarif`: one run, one rule per diagnostic code, one result per
// diagnostic, in the shape GitHub code scanning (upload-sarif) accepts. No timestamps, no absolute
// working folder: the same input gives the same bytes, so the output can be snapshot-tested.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, type DiagnosticCode, type Severity, diagnosticCodes } from '../core/diagnostics.js';
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import type { Lang } from '../i18n/labels.js';
import type { SourceTexts } from './diagnostics-text.js';

/** The project's home, as the JSON Schemas' `$id`s name it. */
export const INFORMATION_URI = 'https://plan-check.dev/';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Description = { short: string; full: string };

/** What each code means and how to fix it, for the rule list (GitHub shows it as "rule help"). */
const ruleText = {
  'file-unreadable': {
    en: { short: 'File cannot be read', full: 'The file could not be opened or read (missing, a folder, no permission). Check the path and its permissions.' },
    zh: { short: '无法读取文件', full: '文件无法打开或读取（不存在、是文件夹或没有权限）。请检查路径和权限。' },
  },
  'file-encoding': {
    en: { short: 'File is not UTF-8', full: 'Plans and actuals must be UTF-8 text. Re-save the file as UTF-8 (a GB18030/GBK file can also be read with --encoding gb18030).' },
    zh: { short: '文件不是 UTF-8 编码', full: '方案和报送数据必须是 UTF-8 文本。请另存为 UTF-8（GB18030/GBK 文件也可加 --encoding gb18030 读取）。' },
  },
  'file-binary': {
    en: { short: 'File is not text', full: 'The file is binary (for example an .xlsx renamed to .csv). Export it as CSV or YAML text.' },
    zh: { short: '文件不是文本', full: '文件是二进制文件（例如把 .xlsx 改名为 .csv）。请导出为 CSV 或 YAML 文本。' },
  },
  'file-too-large': {
    en: { short: 'File is over the size limit', full: 'The file is larger than --max-file-size allows. Split it, or raise the limit.' },
    zh: { short: '文件超过大小上限', full: '文件超过 --max-file-size 允许的大小。请拆分文件或调高上限。' },
  },
  'file-empty': {
    en: { short: 'File is empty', full: 'The file holds no content. Write the plan or actuals into it, or remove it.' },
    zh: { short: '文件是空的', full: '文件没有内容。请填写方案或报送数据，或删除该文件。' },
  },
  'yaml-syntax': {
    en: { short: 'YAML syntax error', full: 'The file is not valid YAML (indentation, an unclosed quote or bracket). Fix the text at the place shown.' },
    zh: { short: 'YAML 语法错误', full: '文件不是有效的 YAML（缩进、引号或括号未闭合等）。请修改所示位置的文字。' },
  },
  'yaml-duplicate-key': {
    en: { short: 'Duplicate YAML key', full: 'A mapping names the same key twice; YAML would silently keep only one. Remove or rename one of them.' },
    zh: { short: 'YAML 键重复', full: '同一映射中出现两个相同的键，YAML 只会保留其中一个。请删除或改名。' },
  },
  'yaml-alias': {
    en: { short: 'YAML anchor or alias', full: 'Anchors (&name) and aliases (*name) are not part of the format. Write the value out in full.' },
    zh: { short: 'YAML 锚点或别名', full: '格式不支持锚点（&name）和别名（*name）。请直接写出内容。' },
  },
  'yaml-tag': {
    en: { short: 'Explicit YAML tag', full: 'Explicit tags (!!str, !custom) are not part of the format. Remove the tag; quote text instead.' },
    zh: { short: 'YAML 显式标签', full: '格式不支持显式标签（!!str、!custom 等）。请删除标签，文字请加引号。' },
  },
  'yaml-multiple-documents': {
    en: { short: 'Several YAML documents in one file', full: 'A file holds one document. Remove the extra "---" section or move it to a file of its own.' },
    zh: { short: '一个文件中有多个 YAML 文档', full: '一个文件只能有一个文档。请删除多余的“---”部分或另存为单独文件。' },
  },
  'yaml-directive': {
    en: { short: '%YAML directive ignored', full: 'Files are always read as YAML 1.2 whatever a %YAML directive says. Remove the directive.' },
    zh: { short: '已忽略 %YAML 指令', full: '文件一律按 YAML 1.2 读取，%YAML 指令不起作用。请删除该指令。' },
  },
  'yaml-key-not-scalar': {
    en: { short: 'YAML key is not plain text', full: 'A key must be plain text, not a list or mapping.' },
    zh: { short: 'YAML 键不是普通文字', full: '键必须是普通文字，不能是列表或映射。' },
  },
  'yaml-too-deep': {
    en: { short: 'YAML nested too deeply', full: 'The file nests deeper than any plan needs; it is refused to keep parsing safe.' },
    zh: { short: 'YAML 嵌套过深', full: '文件嵌套层数超过任何方案所需，为保证解析安全而拒绝读取。' },
  },
  'yaml-too-many-nodes': {
    en: { short: 'Too many YAML nodes', full: 'The file has more YAML nodes than the limit; it is refused to keep parsing safe.' },
    zh: { short: 'YAML 节点过多', full: '文件的 YAML 节点数超过上限，为保证解析安全而拒绝读取。' },
  },
  'unknown-key': {
    en: { short: 'Unknown key', full: 'The key is not part of the format (often a misspelling). Use one of the allowed keys listed in the message.' },
    zh: { short: '未知的键', full: '该键不属于格式（常见原因是拼写错误）。请使用提示中列出的允许的键。' },
  },
  'renamed-key': {
    en: { short: 'Renamed key', full: 'Format v2 renamed this key (reports → duties, submitted → date). Rename it as the message says; the meaning is the same.' },
    zh: { short: '键已改名', full: '格式 v2 改了这个键的名称（reports → duties，submitted → date）。请按提示改名，含义不变。' },
  },
  'missing-key': {
    en: { short: 'Missing required key', full: 'A key the format requires is absent. Add it.' },
    zh: { short: '缺少必填的键', full: '缺少格式要求的键。请补上。' },
  },
  'wrong-type': {
    en: { short: 'Value of the wrong type', full: 'The value has the wrong type (for example a list where text is expected). Write it in the expected form.' },
    zh: { short: '值的类型不对', full: '值的类型不对（例如应为文字却写成了列表）。请按要求的形式填写。' },
  },
  'number-as-text': {
    en: { short: 'Number where text is expected', full: 'YAML reads an unquoted 01 or 4 as a number, but this field is text. Quote it ("01").' },
    zh: { short: '应为文字却被读成数字', full: 'YAML 会把不加引号的 01、4 读成数字，但该字段应为文字。请加引号（"01"）。' },
  },
  'invalid-value': {
    en: { short: 'Invalid value', full: 'The value is not one of those allowed, or does not match the required pattern.' },
    zh: { short: '值不合法', full: '值不在允许的范围内，或不符合要求的格式。' },
  },
  'unknown-format': {
    en: { short: 'Unknown file format', full: 'The "format" key names a format this version of plan-check does not read (plan/1 or actuals/1).' },
    zh: { short: '未知的文件格式', full: '“format”写的格式本版本 plan-check 无法读取（应为 plan/1 或 actuals/1）。' },
  },
  'invalid-date': {
    en: { short: 'Invalid date', full: 'Dates are real calendar dates written YYYY-MM-DD.' },
    zh: { short: '日期不合法', full: '日期必须是真实存在的日期，写成 YYYY-MM-DD。' },
  },
  'duplicate-id': {
    en: { short: 'Duplicate id', full: 'Two plans, tasks, targets, phases or reporting duties share an id. Ids must be unique.' },
    zh: { short: '编号重复', full: '两个方案、任务、指标、阶段或报送事项使用了相同的编号。编号必须唯一。' },
  },
  'start-after-due': {
    en: { short: 'Start after due date', full: 'A start date is later than its due (or end) date.' },
    zh: { short: '开始日期晚于截止日期', full: '开始日期晚于截止（或结束）日期。' },
  },
  'due-outside-period': {
    en: { short: 'Due date outside the plan period', full: 'A due date falls outside the plan period. Check the date or the period.' },
    zh: { short: '截止日期不在方案期间内', full: '截止日期不在方案期间内。请检查日期或方案期间。' },
  },
  'missing-population': {
    en: { short: 'Per-capita target without population', full: 'A per-capita target needs the plan\'s "population".' },
    zh: { short: '按人口计算的指标缺少人口数', full: '按人口计算的指标需要方案填写 population（人口）。' },
  },
  'invalid-target': {
    en: { short: 'Unreadable target', full: 'The target expression cannot be read. Write it as ">= 1900", ">= 100%", "<= 0" or ">= 3.5 per 1000".' },
    zh: { short: '无法识别的目标', full: '无法识别目标的写法。请写成 ">= 1900"、">= 100%"、"<= 0" 或 ">= 3.5 per 1000"。' },
  },
  'unknown-unit': {
    en: { short: 'Unit not in the registry', full: 'The plan has a units registry and this unit is not in it. Add it to "units" (or as an alias), or fix the name.' },
    zh: { short: '单位不在名册中', full: '方案有单位名册（units），但该单位不在其中。请加入 units（或作为别名），或改正名称。' },
  },
  'absurd-number': {
    en: { short: 'Number out of range', full: 'The number is outside what a real plan holds (often a typo or a missing decimal point).' },
    zh: { short: '数字超出合理范围', full: '数字超出真实方案可能的范围（常见原因是笔误或漏写小数点）。' },
  },
  'unknown-plan': {
    en: { short: 'Unknown plan', full: 'The actuals name a plan id that no loaded plan has.' },
    zh: { short: '未知的方案', full: '报送数据中的方案编号与任何已加载的方案都不符。' },
  },
  'unknown-ref': {
    en: { short: 'Unknown task, target, phase or duty', full: 'The actuals refer to something the plan does not have.' },
    zh: { short: '未知的任务、指标、阶段或报送事项', full: '报送数据引用了方案中不存在的内容。' },
  },
  'value-kind-mismatch': {
    en: { short: 'Value of the wrong kind for the target', full: 'A percentage target takes "94%" or done/of; a count takes a plain number.' },
    zh: { short: '数值与指标类型不符', full: '百分比指标应填 "94%" 或 完成数/应完成数；计数指标应填普通数字。' },
  },
  'invalid-value-cell': {
    en: { short: 'Unreadable value', full: 'A reported value must be a number (1020), a percentage (94%) or a fraction (47/50).' },
    zh: { short: '无法识别的数值', full: '报送数值应为数字（1020）、百分比（94%）或分数（47/50）。' },
  },
  'negative-value': {
    en: { short: 'Negative value', full: 'A reported value cannot be negative.' },
    zh: { short: '数值为负', full: '报送数值不能为负数。' },
  },
  'done-exceeds-of': {
    en: { short: 'Done larger than of', full: 'In done/of, "done" cannot exceed "of".' },
    zh: { short: '完成数大于应完成数', full: '完成数/应完成数中，完成数不能大于应完成数。' },
  },
  'zero-of': {
    en: { short: 'Of is zero', full: 'In done/of, "of" is 0, so the percentage is undefined.' },
    zh: { short: '应完成数为 0', full: '完成数/应完成数中，应完成数为 0，无法计算百分比。' },
  },
  'as-of-outside-period': {
    en: { short: 'As-of date outside the plan period', full: 'The actuals are dated outside the plan period. Check the date.' },
    zh: { short: '截至日期不在方案期间内', full: '报送数据的截至日期不在方案期间内。请检查日期。' },
  },
  'percent-needs-fraction': {
    en: { short: 'Bare percentages from several units', full: 'Several units report one percentage target: bare percentages cannot be combined. Each must report done/of.' },
    zh: { short: '多个单位报送了单独的百分比', full: '多个单位报送同一百分比指标时，单独的百分比无法合并。请各自按 完成数/应完成数 报送。' },
  },
  'duplicate-row': {
    en: { short: 'Value reported twice', full: 'One unit reported one target twice for one date; the later row is used.' },
    zh: { short: '重复报送', full: '同一单位对同一指标在同一日期报送了两次，使用后一行。' },
  },
  'unknown-occurrence': {
    en: { short: 'No such duty occurrence', full: 'A duty record names a due date on which the duty has no occurrence; the message names the nearest one. The record counts for nothing until "due" is corrected.' },
    zh: { short: '工作事项没有该次', full: '记录的截止日期与该工作事项的任何一次都不符，提示中给出最近的一次。改正 due 之前该记录不计入。' },
  },
  'missing-reported-by': {
    en: { short: 'Record needs reported_by', full: 'The duty has several owners, so each record must say whose it is with reported_by (on the record or at the top of the file).' },
    zh: { short: '记录缺少填报单位', full: '该工作事项有多个责任单位，每条记录都须用 reported_by 写明是哪个单位的（写在记录上或文件开头）。' },
  },
  'not-duty-owner': {
    en: { short: 'Not an owner of the duty', full: 'The record\'s unit is not among the owners of this multi-owner duty, so it counts for no one. Correct reported_by, or the duty\'s owner list.' },
    zh: { short: '不是该事项的责任单位', full: '记录的填报单位不在该工作事项的责任单位中，因此不计入任何单位。请改正 reported_by 或方案中的 owner。' },
  },
  'record-before-start': {
    en: { short: 'Record before the duty starts', full: 'The record is dated before the duty starts (its start, else the later of the period start and the date issued). Correct the date.' },
    zh: { short: '记录早于事项开始', full: '记录日期早于该工作事项的开始日期（其 start，否则为方案开始日期与印发日期中较晚者）。请改正日期。' },
  },
  'csv-syntax': {
    en: { short: 'CSV syntax error', full: 'The CSV is malformed (an unclosed quote, a row with the wrong number of fields, another delimiter).' },
    zh: { short: 'CSV 格式错误', full: 'CSV 格式有误（引号未闭合、列数不对或分隔符不是逗号等）。' },
  },
  'csv-unknown-column': {
    en: { short: 'Unknown CSV column', full: 'The header names a column the actuals format does not have.' },
    zh: { short: '未知的 CSV 列', full: '表头中有报送数据格式不包含的列。' },
  },
  'csv-duplicate-column': {
    en: { short: 'Duplicate CSV column', full: 'The header names one column twice.' },
    zh: { short: 'CSV 列重复', full: '表头中同一列出现了两次。' },
  },
  'csv-missing-column': {
    en: { short: 'Missing CSV column', full: 'The header lacks a column the actuals format requires.' },
    zh: { short: '缺少 CSV 列', full: '表头缺少报送数据格式要求的列。' },
  },
  'similar-units': {
    en: { short: 'Probably one unit, two names', full: 'Two reporting units of one target look like one unit spelt two ways; without a registry their figures are added as two units.' },
    zh: { short: '疑似同一单位的两种写法', full: '同一指标的两个报送单位看起来是同一单位；没有单位名册时会按两个单位合计。' },
  },
  'xlsx-unreadable': {
    en: { short: 'Not a readable .xlsx', full: 'The file is an old .xls/.et, a password-protected workbook or not an .xlsx at all: save it as .xlsx.' },
    zh: { short: '无法读取的 .xlsx', full: '文件是旧的 .xls/.et、加密的工作簿或不是 .xlsx：请另存为 .xlsx。' },
  },
  'xlsx-formula-no-value': {
    en: { short: 'Formula without a saved value', full: 'A formula cell has no cached result: open the file in Excel or WPS and save it.' },
    zh: { short: '公式没有保存结果', full: '公式单元格没有保存计算结果：请用 Excel 或 WPS 打开并保存。' },
  },
  'xlsx-date-serial': {
    en: { short: 'Date read from a day number', full: 'A date cell held a day number (a date style exceljs does not know); it was read as the date shown in the message.' },
    zh: { short: '日期按序号读取', full: '日期单元格中是日期序号（未识别的日期格式），已按消息中的日期读取。' },
  },
  'no-input': {
    en: { short: 'No input files', full: 'No plan or actuals files were found where plan-check looked.' },
    zh: { short: '没有输入文件', full: '在查找范围内没有找到方案或报送数据文件。' },
  },
} satisfies Record<DiagnosticCode, { en: Description; zh: Description }>;

const codes = Object.keys(diagnosticCodes) as DiagnosticCode[];
const ruleIndex = new Map(codes.map((code, index) => [code, index]));

const level = (severity: Severity): 'error' | 'warning' => severity;

function rules(lang: Lang) {
  return codes.map((code) => {
    const text = lang === 'zh-CN' ? ruleText[code].zh : ruleText[code].en;
    return {
      id: code,
      shortDescription: { text: text.short },
      fullDescription: { text: text.full },
      help: { text: text.full },
      defaultConfiguration: { level: level(diagnosticCodes[code]) },
    };
  });
}

/**
 * A path as a SARIF artifact location: relative paths (forward slashes, as plan-check shows them)
 * against %SRCROOT%, which upload-sarif takes to be the checkout; absolute paths (files outside the
 * working folder) as file: URIs. Percent-encoding keeps spaces and Chinese names valid URIs.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(file.split('\\').join('/')).replace(/[?#]/g, encodeURIComponent), uriBaseId: '%SRCROOT%' };
}

/**
 * Column numbering. plan-check's columns count characters (Unicode code points: the CSV reader
 * counts them so, and the text format's caret is placed so). SARIF's default `columnKind` is
 * utf16CodeUnits, and that default is what GitHub code scanning and editors' SARIF viewers
 * implement; a run-level "unicodeCodePoints" is widely ignored. So the columns are converted to
 * UTF-16 code units from the source text (a character outside the BMP, such as an emoji or a rare
 * CJK Extension B ideograph, counts two) and the run says `utf16CodeUnits` explicitly. Without
 * the text (a file that could not be decoded) the column is kept: such diagnostics sit at 1:1.
 */
function utf16Column(lines: readonly string[] | undefined, line: number, column: number): number {
  const text = lines?.[line - 1];
  if (text === undefined || column <= 1) return Math.max(column, 1);
  const chars = [...text];
  const before = chars.slice(0, column - 1).join('').length;
  return before + Math.max(column - 1 - chars.length, 0) + 1;
}

/**
 * partialFingerprints: stable while the line's text is unchanged, even when lines above it are
 * added or removed: a hash of code, file and the trimmed line, with a count for repeats.
 */
function fingerprint(d: Diagnostic, lineText: string | undefined, seen: Map<string, number>): string {
  const hash = createHash('sha256').update(`${d.code}\u0000${d.file}\u0000${lineText === undefined ? `line ${d.line}` : lineText.trim()}`).digest('hex').slice(0, 32);
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}

export interface SarifInput {
  /** every file checked, as displayed (relative to the working folder when inside it) */
  files: readonly string[];
  /** decoded text per displayed path, for UTF-16 columns and fingerprints */
  sources: SourceTexts;
  lang: Lang;
  /** plan-check's version, for tool.driver */
  version: string;
}

export function formatDiagnosticsSarif(diagnostics: readonly Diagnostic[], input: SarifInput): string {
  const artifacts = [...new Set([...input.files, ...diagnostics.map((d) => d.file)])];
  const artifactIndex = new Map(artifacts.map((file, index) => [file, index]));
  const lineCache = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!lineCache.has(file)) lineCache.set(file, input.sources.get(file)?.split('\n'));
    return lineCache.get(file);
  };
  const seen = new Map<string, number>();
  const results = diagnostics.map((d) => {
    const lines = linesOf(d.file);
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: level(d.severity),
      message: { text: diagnosticMessage(d.code, d.args, input.lang) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...artifactLocation(d.file), index: artifactIndex.get(d.file)! },
            region: { startLine: Math.max(d.line, 1), startColumn: utf16Column(lines, d.line, d.column) },
          },
        },
      ],
      partialFingerprints: { 'planCheckLine/v1': fingerprint(d, lines?.[d.line - 1], seen) },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-check',
            version: input.version,
            semanticVersion: input.version,
            informationUri: INFORMATION_URI,
            language: input.lang === 'zh-CN' ? 'zh-CN' : 'en-US',
            rules: rules(input.lang),
          },
        },
        language: input.lang === 'zh-CN' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        artifacts: artifacts.map((file) => ({ location: artifactLocation(file), roles: ['analysisTarget'] })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
