// plan-check draft FILE [-o x.plan.yaml]: a plan YAML drafted from the published document, to be
// read (its # 核对 comments) and validated. The libraries only this needs load here, on first use.
import { createRequire } from 'node:module';
import path from 'node:path';
import { diagnosticMessage } from '../../i18n/diagnostic-messages.js';
import { draftPlans, type DraftPlan } from '../../draft/draft-plan.js';
import { regularisePunctuation, stripMarkdown } from '../../draft/document-text.js';
import { formatDraftYaml } from '../../draft/draft-yaml.js';
import { keepTableRows } from '../../draft/task-table.js';
import { readDocument } from '../../io/read-document.js';
import { writeReportFile } from './shared.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveInterfaceLang, resolveLangOption } from '../settings.js';

// required, not import()ed: the bundle runs in vm.Script, which has no dynamic import of its own
const requireLibrary = createRequire(import.meta.url);

/** Traditional characters to simplified, when the text has enough of them to be a traditional text. */
function toSimplified(text: string): string {
  const { Converter } = requireLibrary('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => (s: string) => string };
  const convert = Converter({ from: 'hk', to: 'cn' });
  const converted = convert(text);
  let changed = 0;
  for (let i = 0; i < Math.min(text.length, converted.length); i += 1) if (text[i] !== converted[i]) changed += 1;
  return changed >= 5 && changed / Math.max(1, (text.match(/\p{Script=Han}/gu) ?? []).length) > 0.01 ? converted : text;
}

/** An id from the title: its year and the first letters of its words' pinyin (2023-qqspaqzdgzap). */
function idFromTitle(plan: DraftPlan, taken: Set<string>): string {
  const { pinyin } = requireLibrary('pinyin-pro') as typeof import('pinyin-pro');
  const han = plan.title
    .replace(/（?\d{4}\s*年?\s*[—–\-－~～至到]+\s*\d{4}\s*年）?/, '')
    .replace(/\d{4}年/, '')
    .replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
  const letters = (pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }) as string[])
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 24);
  let id = `${plan.year}-${letters || 'plan'}`;
  for (let n = 2; taken.has(id); n += 1) id = `${plan.year}-${letters || 'plan'}-${n}`;
  taken.add(id);
  return id;
}

export async function runDraft(file: string, options: Pick<CommandOptions, 'lang' | 'output'>, io: CliIo): Promise<Outcome> {
  // undecided, draft speaks Chinese (interfaceLangs): it reads Chinese documents
  const lang = resolveLangOption(options, io) ?? resolveInterfaceLang(io);
  const absolute = path.resolve(io.cwd, file);
  const read = await readDocument(absolute);
  if (!read.ok) {
    io.stderr.write(`plan-check: ${file}: ${diagnosticMessage(read.code, read.args, lang)}\n`);
    return { unreadableInput: true };
  }
  // table rows stay rows: kept before Markdown marks and spaces are tidied away
  const source = keepTableRows(read.text);
  let text = regularisePunctuation(read.markdown ? stripMarkdown(source) : source);
  text = toSimplified(text);
  const plans = draftPlans(text, { fileName: path.basename(file), fallbackYear: io.now.getFullYear() });
  const taken = new Set<string>();
  const outputs: { target?: string; yaml: string }[] = [];
  for (const [index, plan] of plans.entries()) {
    const target = options.output
      ? index === 0
        ? options.output
        : options.output.replace(/(\.plan)?(\.ya?ml)?$/, `-${index + 1}$1$2`)
      : undefined;
    const schema = target
      ? path.relative(
          path.dirname(path.resolve(io.cwd, target)),
          path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'schemas', 'plan.schema.json'),
        )
      : undefined;
    outputs.push({
      target,
      yaml: formatDraftYaml(plan, { id: idFromTitle(plan, taken), source: path.basename(file), schema: schema?.split(path.sep).join('/') }),
    });
  }
  for (const output of outputs) {
    if (output.target) writeReportFile(output.target, output.yaml, [absolute], lang, io);
    else io.stdout.write(outputs.length > 1 ? `---\n${output.yaml}` : output.yaml);
  }
  const written = outputs.flatMap((o) => (o.target ? [o.target] : []));
  if (written.length > 0) io.stderr.write(`${lang === 'zh-CN' ? '已写出' : 'wrote'} ${written.join(', ')}\n`);
  else if (outputs.length > 1)
    io.stderr.write(
      lang === 'zh-CN'
        ? `plan-check: 文中有 ${outputs.length} 个方案，请用 -o 分别写入文件\n`
        : `plan-check: the document holds ${outputs.length} plans; use -o to write each to its own file\n`,
    );
  return {};
}
