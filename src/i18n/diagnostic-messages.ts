// One message per diagnostic code, in each language. `satisfies Record<DiagnosticCode, …>` makes a
// new code impossible to half-add.
import type { DiagnosticArgs, DiagnosticCode } from '../core/diagnostics.js';
import type { Lang } from './labels.js';

type Render = (a: DiagnosticArgs) => string;
type Entry = { en: Render; zh: Render };

const list = (value: DiagnosticArgs[string]): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
const hintEn = (a: DiagnosticArgs): string => (a.suggestion ? ` Did you mean "${a.suggestion}"?` : '');
const hintZh = (a: DiagnosticArgs): string => (a.suggestion ? `是否应为“${a.suggestion}”？` : '');

const looksLikeEn: Record<string, string> = {
  gb18030: 'it looks like GB18030/GBK (common on Chinese Windows): re-save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8), or pass --encoding gb18030',
  'utf-16': 'it is UTF-16: re-save it as UTF-8',
  zip: 'it is a ZIP archive (an .xlsx or .docx renamed?): export it as CSV or YAML text',
  binary: 'it is a binary file, not text',
  ole2: 'it is an old Office file (.xls, .et or .doc renamed?): in Excel or WPS, save it as "CSV UTF-8"',
  png: 'it is a PNG image, not text',
  jpeg: 'it is a JPEG image, not text',
  pdf: 'it is a PDF document: copy the figures into a CSV or YAML file',
  unknown: 'it is not valid UTF-8: re-save it as UTF-8',
};
const looksLikeZh: Record<string, string> = {
  gb18030: '文件看起来是 GB18030/GBK 编码（中文 Windows 常见）：请另存为 UTF-8（记事本：另存为 → 编码：UTF-8），或加 --encoding gb18030',
  'utf-16': '文件是 UTF-16 编码：请另存为 UTF-8',
  zip: '文件是 ZIP 压缩包（是否把 .xlsx/.docx 改了扩展名？）：请导出为 CSV 或 YAML 文本',
  binary: '文件是二进制文件，不是文本',
  ole2: '文件是旧版 Office 文件（是否把 .xls/.et/.doc 改了扩展名？）：请在 Excel 或 WPS 中另存为“CSV UTF-8”',
  png: '文件是 PNG 图片，不是文本',
  jpeg: '文件是 JPEG 图片，不是文本',
  pdf: '文件是 PDF 文档：请把数据抄录到 CSV 或 YAML 文件中',
  unknown: '文件不是有效的 UTF-8：请另存为 UTF-8',
};
const valueProblemEn: Record<string, string> = {
  'thousands-separator': 'write numbers without thousands separators (1900, not 1,900)',
  'chinese-multiplier': 'write the full number (12000, not 1.2万)',
  'not-finite': 'the value must be a finite number',
  'not-a-value': 'write a number (1020), a percentage (94%) or a fraction (47/50)',
  'decimal-comma': 'write the decimal point as "." (1020.5, not 1020,5)',
  'too-many-digits': 'a figure has at most 40 digits',
  'fraction-and-value': 'give either a value or done and of, not both',
  'half-fraction': 'done and of go together: fill in both cells',
  'excel-date': 'Excel took this fraction for a date: give it in two columns done,of (完成数,应完成数), or format the cell as text',
};
const valueProblemZh: Record<string, string> = {
  'thousands-separator': '数字不要加千位分隔符（写 1900，不写 1,900）',
  'chinese-multiplier': '请写完整数字（写 12000，不写 1.2万）',
  'not-finite': '数值必须是有限的数字',
  'not-a-value': '请写数字（1020）、百分比（94%）或分数（47/50）',
  'decimal-comma': '小数点请用“.”（写 1020.5，不写 1020,5）',
  'too-many-digits': '数值最多 40 位数字',
  'fraction-and-value': '数值与完成数、应完成数只填一种，不要都填',
  'half-fraction': '完成数和应完成数要一起填写',
  'excel-date': 'Excel 把分数当成了日期（如把 9/12 变成 9月12日）：请用完成数、应完成数两列，或把单元格设为文本',
};
// JSON Schema's type names (from ajv) and ours (list, mapping), as a reader of YAML calls them
const typeEn: Record<string, string> = { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', list: 'a list', object: 'a mapping (key: value)', mapping: 'a mapping (key: value)', null: 'empty' };
const typeZh: Record<string, string> = { string: '文字', number: '数字', integer: '整数', boolean: 'true 或 false', array: '列表', list: '列表', object: '映射（键: 值）', mapping: '映射（键: 值）', null: '空值' };
const typeNames = (value: DiagnosticArgs[string], names: Record<string, string>, separator: string): string =>
  String(value ?? '').split('|').map((name) => names[name] ?? name).join(separator);
// identifier rules (schema patterns) in words
const ruleEn: Record<string, string> = {
  'plan-id': 'use lower-case letters, digits and "-", starting with a letter or digit',
  slug: 'use letters, digits, "_" and "-", starting with a letter or digit',
  'task-id': 'an id has no "/", ":", "@" or spaces',
};
const ruleZh: Record<string, string> = {
  'plan-id': '只能用小写字母、数字和“-”，并以字母或数字开头',
  slug: '只能用字母、数字、“_”和“-”，并以字母或数字开头',
  'task-id': '编号中不能有“/”“:”“@”或空格',
};
const kindZh: Record<string, string> = { count: '计数', percent: '百分比', per_capita: '按人口计数', number: '数字', fraction: '分数（done/of）', task: '任务', target: '指标', phase: '阶段', duty: '工作事项', owner: '责任单位', plan: '方案' };

export const diagnosticMessages = {
  'file-unreadable': { en: (a) => `cannot read the file: ${a.reason}`, zh: (a) => `无法读取文件：${a.reason}` },
  'file-encoding': { en: (a) => `the file is not UTF-8 text; ${looksLikeEn[String(a.looksLike)] ?? `it could not be read as ${a.looksLike}`}`, zh: (a) => `文件不是 UTF-8 文本；${looksLikeZh[String(a.looksLike)] ?? `无法按 ${a.looksLike} 读取`}` },
  'file-binary': { en: (a) => `not a text file: ${looksLikeEn[String(a.looksLike)]}`, zh: (a) => `不是文本文件：${looksLikeZh[String(a.looksLike)]}` },
  'file-too-large': { en: (a) => `the file is ${a.size} bytes, over the limit of ${a.limit} (raise it with --max-file-size)`, zh: (a) => `文件大小 ${a.size} 字节，超过上限 ${a.limit}（可用 --max-file-size 调高）` },
  'file-empty': { en: () => 'the file is empty', zh: () => '文件是空的' },
  'yaml-syntax': {
    en: (a) =>
      `YAML syntax error: ${
        a.detail === 'fullwidth-colon' ? 'a full-width colon "：" where a key needs ":" (type it with the input method in half-width mode)'
        : a.detail === 'nbsp' ? 'a no-break space (U+00A0) after ":"; type an ordinary space'
        : a.detail === 'ideographic-indent' ? 'indented with full-width spaces (U+3000); indent with ordinary spaces'
        : a.detail}`,
    zh: (a) =>
      `YAML 语法错误：${
        a.detail === 'fullwidth-colon' ? '键后应为半角冒号“:”，这里是全角冒号“：”（请切换到半角输入）'
        : a.detail === 'nbsp' ? '“:”后是不换行空格（U+00A0），请改为普通空格'
        : a.detail === 'ideographic-indent' ? '用全角空格（U+3000）缩进了，请改用半角空格'
        : a.detail}`,
  },
  'yaml-duplicate-key': { en: (a) => `duplicate key "${a.key}" (first at line ${a.firstLine})`, zh: (a) => `键“${a.key}”重复（第一次出现在第 ${a.firstLine} 行）` },
  'yaml-alias': { en: (a) => `anchors and aliases (&${a.name} / *${a.name}) are not part of the format: write the value out`, zh: (a) => `不支持锚点和别名（&${a.name} / *${a.name}）：请直接写出内容` },
  'yaml-tag': { en: (a) => `explicit tags (${a.tag}) are not part of the format: remove it`, zh: (a) => `不支持显式标签（${a.tag}）：请删除` },
  'yaml-multiple-documents': { en: () => 'a file holds one document: remove the extra "---" section or move it to its own file', zh: () => '一个文件只能有一个文档：请删除多余的“---”部分或另存为单独文件' },
  'yaml-directive': { en: (a) => `%YAML ${a.version} directive ignored: files are always read as YAML 1.2`, zh: (a) => `已忽略 %YAML ${a.version} 指令：文件一律按 YAML 1.2 读取` },
  'yaml-key-not-scalar': { en: () => 'a key must be plain text, not a list or mapping', zh: () => '键必须是普通文字，不能是列表或映射' },
  'yaml-too-deep': { en: (a) => `nesting deeper than ${a.limit} levels`, zh: (a) => `嵌套超过 ${a.limit} 层` },
  'yaml-too-many-nodes': { en: (a) => `more than ${a.limit} YAML nodes`, zh: (a) => `YAML 节点超过 ${a.limit} 个` },
  'unknown-key': { en: (a) => `unknown key "${a.key}".${hintEn(a)} Allowed: ${list(a.allowed)}`, zh: (a) => `未知的键“${a.key}”。${hintZh(a)}允许的键：${list(a.allowed)}` },
  'renamed-key': { en: (a) => `"${a.key}" was renamed "${a.name}" (format v2): rename the key to "${a.name}"`, zh: (a) => `“${a.key}”已改名为“${a.name}”（格式 v2）：请把键改为“${a.name}”` },
  'missing-key': { en: (a) => `missing required key "${a.key}"`, zh: (a) => `缺少必填的键“${a.key}”` },
  'wrong-type': { en: (a) => a.field === '' ? `the file must be a mapping of keys and values (format: plan/1 …), not ${typeNames(a.actual, typeEn, ' or ')}` : `"${a.field}" must be ${typeNames(a.expected, typeEn, ' or ')}, not ${typeNames(a.actual, typeEn, ' or ')}`, zh: (a) => a.field === '' ? `文件内容应为“键: 值”形式的映射（format: plan/1 …），实际是${typeNames(a.actual, typeZh, '或')}` : `“${a.field}”应为${typeNames(a.expected, typeZh, '或')}，实际是${typeNames(a.actual, typeZh, '或')}` },
  'number-as-text': { en: (a) => `"${a.field}" is text, but YAML reads ${a.text} as ${a.kind === 'boolean' ? 'true/false' : 'a number'}: quote it ("${a.text}")`, zh: (a) => `“${a.field}”应为文字，但 YAML 把 ${a.text} 读成了${a.kind === 'boolean' ? '布尔值（true/false）' : '数字'}：请加引号（"${a.text}"）` },
  'invalid-value': {
    en: (a) => a.reason === 'month-unused' ? `"month" only applies to every: quarter, half_year or year; remove it or change "every"` : a.reason === 'exclusive-done' ? 'a completion names either "task" or "phase", not both' : a.reason === 'empty' ? `"${a.field}" must not be empty` : a.reason === 'exclusive' ? 'a duty has either "every" (recurring) or "due" (one-off), not both: remove one' : a.allowed ? `"${a.field}" is "${a.value}"; allowed: ${list(a.allowed)}.${hintEn(a)}` : a.reason === 'too-long' ? `"${a.field}" is longer than ${a.limit} characters ("${a.value}…")` : a.rule && ruleEn[String(a.rule)] ? `"${a.field}" is "${a.value}": ${ruleEn[String(a.rule)]}` : a.pattern ? `"${a.field}" is "${a.value}", which does not match ${a.pattern}` : `"${a.field}" has an invalid value "${a.value}" (${a.reason ?? ''})`,
    zh: (a) => a.reason === 'month-unused' ? '“month”只适用于 every: quarter、half_year 或 year；请删除它或修改 every' : a.reason === 'exclusive-done' ? '完成记录只能写 task（任务）或 phase（阶段）其中之一' : a.reason === 'empty' ? `“${a.field}”不能为空` : a.reason === 'exclusive' ? '工作事项只能用 every（定期）或 due（一次性）其中之一：请删去一个' : a.allowed ? `“${a.field}”的值“${a.value}”不合法；允许：${list(a.allowed)}。${hintZh(a)}` : a.reason === 'too-long' ? `“${a.field}”超过 ${a.limit} 个字符（“${a.value}…”）` : a.rule && ruleZh[String(a.rule)] ? `“${a.field}”的值“${a.value}”不合法：${ruleZh[String(a.rule)]}` : a.pattern ? `“${a.field}”的值“${a.value}”不符合格式 ${a.pattern}` : `“${a.field}”的值“${a.value}”不合法（${a.reason ?? ''}）`,
  },
  'unknown-format': { en: (a) => `unknown file format "${a.value}": this version of plan-check reads "${a.expected}"`, zh: (a) => `未知的文件格式“${a.value}”：本版本 plan-check 读取“${a.expected}”` },
  'invalid-date': {
    en: (a) => `"${a.field}" is "${a.value}", not a real calendar date YYYY-MM-DD${a.hint === 'serial' ? ' (a number like this is a spreadsheet\'s day count: format the cell as a date YYYY-MM-DD)' : a.hint === 'forms' ? ' (write 2024-06-30; 2024/6/30, 2024-6-30, 2024.6.30 and 2024年6月30日 are read too)' : ''}`,
    zh: (a) => `“${a.field}”的值“${a.value}”不是真实的日期（YYYY-MM-DD）${a.hint === 'serial' ? '（这样的数字是电子表格的日期序号：请把单元格设为日期格式 YYYY-MM-DD）' : a.hint === 'forms' ? '（请写 2024-06-30；也可写 2024/6/30、2024-6-30、2024.6.30 或 2024年6月30日）' : ''}`,
  },
  'duplicate-id': { en: (a) => `duplicate ${a.kind} id "${a.id}" (first at ${a.firstFile ? `${a.firstFile}:` : 'line '}${a.firstLine})`, zh: (a) => `${kindZh[String(a.kind)] ?? a.kind}编号“${a.id}”重复（第一次出现在${a.firstFile ? `${a.firstFile}:` : '第 '}${a.firstLine}${a.firstFile ? '' : ' 行'}）` },
  'start-after-due': { en: (a) => `start ${a.start} is after the ${a.endName ?? 'due date'} ${a.due}`, zh: (a) => `开始日期 ${a.start} 晚于${a.endName === 'end' ? '结束日期' : '截止日期'} ${a.due}` },
  'due-outside-period': { en: (a) => `due date ${a.due} is outside the plan period ${a.start} – ${a.end}`, zh: (a) => `截止日期 ${a.due} 不在方案期间 ${a.start} 至 ${a.end} 内` },
  'missing-population': { en: (a) => `"${a.target}" is per head of population, but the plan has no "population"`, zh: (a) => `“${a.target}”按人口计算，但方案没有填写 population（人口）` },
  'invalid-target': { en: (a) => `cannot read the target "${a.value}";${hintEn(a)} accepted forms: ${list(a.forms)}`, zh: (a) => `无法识别目标“${a.value}”；${hintZh(a)}可用写法：${list(a.forms)}` },
  'unknown-unit': {
    en: (a) => `"${a.name}" is not in the plan's units registry.${hintEn(a)} Use a registered name or alias, or add the unit to "units"${a.alias ? ` (if it is the same unit, add it as an alias: { name: ${a.alias}, aliases: [${a.name}] })` : ''}`,
    zh: (a) => `“${a.name}”不在方案的单位名册（units）中。${hintZh(a)}请使用名册中的名称或简称，或把该单位加入 units${a.alias ? `（若是同一单位，请把它加为简称：{ name: ${a.alias}, aliases: [${a.name}] }）` : ''}`,
  },
  'similar-units': {
    en: (a) => `"${a.unit}" and "${a.other}" both report on ${a.ref} and look like one unit spelt two ways: their figures are combined as two units. Use one name, or add a units registry with aliases`,
    zh: (a) => `“${a.unit}”和“${a.other}”都报送了 ${a.ref}，看起来是同一单位的两种写法：二者的数值会按两个单位合计。请统一名称，或在方案中加入单位名册（units）并写明简称`,
  },
  'absurd-number': { en: (a) => `"${a.field}" is ${a.value}: outside what a real plan holds (${a.limit})`, zh: (a) => `“${a.field}”的值 ${a.value} 超出合理范围（${a.limit}）` },
  'unknown-plan': { en: (a) => `no loaded plan has the id "${a.plan}".${hintEn(a)}`, zh: (a) => `没有 id 为“${a.plan}”的方案。${hintZh(a)}` },
  'unknown-ref': {
    en: (a) => a.ambiguous ? `"${a.ref}" matches several targets of plan ${a.plan}: ${list(a.candidates)}; write the ref` : `plan ${a.plan} has no ${a.kind} "${a.ref}".${hintEn(a)}${a.candidates ? ` Closest: ${list(a.candidates)}` : ''}`,
    zh: (a) => a.ambiguous ? `“${a.ref}”对应方案 ${a.plan} 中的多个指标：${list(a.candidates)}；请填写指标编号` : `方案 ${a.plan} 中没有${kindZh[String(a.kind)] ?? a.kind}“${a.ref}”。${hintZh(a)}${a.candidates ? `最接近的：${list(a.candidates)}` : ''}`,
  },
  'value-kind-mismatch': { en: (a) => `target ${a.ref} takes a ${a.expected === 'percent' ? 'percentage ("94%" or {done, of})' : 'count (a plain number)'}, not a ${a.actual}`, zh: (a) => `指标 ${a.ref} 需要${a.expected === 'percent' ? '百分比（"94%" 或 {done, of}）' : '计数（普通数字）'}，不是${kindZh[String(a.actual)] ?? a.actual}` },
  'invalid-value-cell': { en: (a) => `cannot read the value "${a.value}": ${valueProblemEn[String(a.problem)]}`, zh: (a) => `无法识别数值“${a.value}”：${valueProblemZh[String(a.problem)]}` },
  'negative-value': { en: () => 'a reported value cannot be negative', zh: () => '报送数值不能为负数' },
  'done-exceeds-of': { en: () => '"done" is larger than "of"', zh: () => '完成数（done）大于应完成数（of）' },
  'zero-of': { en: () => '"of" is 0: the percentage is undefined', zh: () => '应完成数（of）为 0，无法计算百分比' },
  'as-of-outside-period': { en: (a) => `as-of date ${a.as_of} is outside the plan period ${a.start} – ${a.end}`, zh: (a) => `截至日期 ${a.as_of} 不在方案期间 ${a.start} 至 ${a.end} 内` },
  'percent-needs-fraction': { en: (a) => `${a.units} units report on percentage target ${a.ref}: bare percentages cannot be combined; report done/of (e.g. 47/50)`, zh: (a) => `${a.units} 个单位报送了百分比指标 ${a.ref}：单独的百分比无法合并，请按“完成数/应完成数”报送（如 47/50）` },
  'duplicate-row': { en: (a) => `${a.ref} is reported twice by "${a.unit}" for ${a.as_of} (also at ${a.firstFile}:${a.firstLine}); the later row is used`, zh: (a) => `“${a.unit}”对 ${a.ref} 在 ${a.as_of} 报送了两次（另见 ${a.firstFile}:${a.firstLine}）；使用后一行` },
  'unknown-occurrence': {
    en: (a) => `duty ${a.duty} has no occurrence due ${a.due}${a.nearest ? `; the nearest is due ${a.nearest}: correct "due"` : ': it has no occurrence at all between its start and until'}; the record counts for nothing`,
    zh: (a) => `工作事项 ${a.duty} 没有截止日期为 ${a.due} 的一次${a.nearest ? `；最近的一次截止于 ${a.nearest}，请改正 due` : '：在其起止日期之间没有任何一次'}；该记录不计入`,
  },
  'missing-reported-by': {
    en: (a) => `duty ${a.duty} has several owners (${list(a.owners)}): say which one this record is for with "reported_by" (on the record or at the top of the file)`,
    zh: (a) => `工作事项 ${a.duty} 有多个责任单位（${list(a.owners)}）：请用 reported_by 写明是哪个单位的记录（写在该条记录上或文件开头）`,
  },
  'not-duty-owner': {
    en: (a) => `"${a.unit}" is not an owner of duty ${a.duty} (owners: ${list(a.owners)}); the record counts for no one: correct "reported_by" or the duty's owners`,
    zh: (a) => `“${a.unit}”不是工作事项 ${a.duty} 的责任单位（责任单位：${list(a.owners)}）；该记录不计入：请改正 reported_by 或方案中的 owner`,
  },
  'record-before-start': {
    en: (a) => `date ${a.date} is before duty ${a.duty} starts (${a.start}${a.source === 'issued' ? ', the date the plan was issued' : a.source === 'period' ? ', the period start' : ''}): correct the date`,
    zh: (a) => `日期 ${a.date} 早于工作事项 ${a.duty} 的开始日期（${a.start}${a.source === 'issued' ? '，即方案印发日期' : a.source === 'period' ? '，即方案开始日期' : ''}）：请改正日期`,
  },
  'csv-syntax': {
    en: (a) => a.detail === 'unclosed-quote' ? 'a quoted field is never closed: add the closing "' : a.detail === 'bad-quote' ? 'a quote inside a field must be doubled ("") and the field quoted' : a.detail === 'ragged' ? `this row has ${a.fields} fields, the header has ${a.expected}` : a.detail === 'delimiter' ? `the header looks separated by "${a.delimiter}", not commas: pass --delimiter "${a.delimiter === 'tab' ? '\\t' : a.delimiter}" or save as comma-separated CSV` : `malformed CSV: ${a.detail}`,
    zh: (a) => a.detail === 'unclosed-quote' ? '带引号的字段没有结束：请补上右引号 "' : a.detail === 'bad-quote' ? '字段中的引号必须写成两个（""），并给整个字段加引号' : a.detail === 'ragged' ? `本行有 ${a.fields} 列，表头有 ${a.expected} 列` : a.detail === 'delimiter' ? `表头看起来用“${a.delimiter}”分隔而不是逗号：请加 --delimiter "${a.delimiter === 'tab' ? '\\t' : a.delimiter}" 或另存为逗号分隔的 CSV` : `CSV 格式错误：${a.detail}`,
  },
  'csv-unknown-column': { en: (a) => a.unnamed ? `this value is in a column without a header, so it would be ignored: name the column (${list(a.allowed)}) or move the value` : `unknown column "${a.column}".${hintEn(a)} Known: ${list(a.allowed)}`, zh: (a) => a.unnamed ? `该数值所在的列没有表头，会被忽略：请填写列名（${list(a.allowed)}）或移动该数值` : `未知的列“${a.column}”。${hintZh(a)}可用的列：${list(a.allowed)}` },
  'csv-duplicate-column': { en: (a) => `column "${a.column}" appears twice`, zh: (a) => `列“${a.column}”重复` },
  'csv-missing-column': { en: (a) => `missing column "${a.column}" (${list(a.names)})`, zh: (a) => `缺少列“${a.column}”（${list(a.names)}）` },
  'xlsx-unreadable': {
    en: (a) => `cannot read this file as an .xlsx workbook (${a.problem === 'ole' ? 'an old .xls/.et file or a password-protected workbook' : a.problem === 'no-sheet' ? 'it has no visible sheet' : 'not a valid .xlsx file'}): open it in Excel or WPS, remove any password and save as .xlsx`,
    zh: (a) => `无法按 .xlsx 工作簿读取此文件（${a.problem === 'ole' ? '这是旧的 .xls/.et 文件或加了密码的工作簿' : a.problem === 'no-sheet' ? '没有可见的工作表' : '不是有效的 .xlsx 文件'}）：请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx`,
  },
  'xlsx-formula-no-value': {
    en: () => 'this formula cell has no saved result: open the file in Excel or WPS and save it again, so that the values are stored',
    zh: () => '该公式单元格没有保存计算结果：请用 Excel 或 WPS 打开此文件并重新保存',
  },
  'xlsx-date-serial': {
    en: (a) => `the date cell holds the day number ${a.value}; read as ${a.date}: check it is the date meant`,
    zh: (a) => `该日期单元格中是日期序号 ${a.value}，已按 ${a.date} 读取：请核对是否为所填日期`,
  },
  'no-input': { en: (a) => `no plan files found in ${a.where} (looked for *.plan.yaml, *.actuals.yaml, *.actuals.csv)`, zh: (a) => `在 ${a.where} 中没有找到方案文件（*.plan.yaml、*.actuals.yaml、*.actuals.csv）` },
} satisfies Record<DiagnosticCode, Entry>;

export function diagnosticMessage(code: DiagnosticCode, args: DiagnosticArgs, lang: Lang): string {
  const entry: Entry = diagnosticMessages[code];
  return lang === 'zh-CN' ? entry.zh(args) : entry.en(args);
}
