// plan-check init [dir]: scaffold a working plan repository. It never overwrites: a file that is
// already there is kept and listed as kept.
import { closeSync, mkdirSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatDay } from '../../core/dates.js';
import { type Lang, t } from '../../i18n/labels.js';
import { UsageError } from '../../io/find-sources.js';
import { scaffoldFiles } from '../../init/scaffold.js';
import { displayWidth } from '../../report/wrap.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommonOptions, resolveAsOf, resolveInterfaceLang, resolveLang } from '../settings.js';

type Written = 'created' | 'skipped' | { failed: string };

/** Create the file with its content unless something (a file, folder or link) is already there. */
function createFile(target: string, content: string): Written {
  let fd: number;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    // e.g. a file where a folder should be
    return { failed: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    fd = openSync(target, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EEXIST' ? 'skipped' : { failed: code ?? String(error) };
  }
  try {
    const bytes = Buffer.from(content, 'utf8');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    closeSync(fd);
    return 'created';
  } catch (error) {
    // a half-written file is worse than none: it was ours, so remove it
    closeSync(fd);
    try {
      unlinkSync(target);
    } catch {
      // already gone
    }
    return { failed: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

function statusLine(lang: Lang, file: string, written: Written, labelWidth: number): string {
  const label = written === 'created' ? t(lang, 'init.created') : written === 'skipped' ? t(lang, 'init.skipped') : t(lang, 'init.failed');
  const pad = ' '.repeat(labelWidth - displayWidth(label) + 2);
  const note = written === 'created' ? '' : written === 'skipped' ? t(lang, 'init.skipped_note') : t(lang, 'init.write_failed', { reason: written.failed });
  return `  ${label}${pad}${file}${note}`;
}

export function runInit(dir: string | undefined, options: Pick<CommonOptions, 'lang'>, io: CliIo): Outcome {
  if (options.lang !== undefined) resolveLang(options, {}, io.env); // a bad --lang is a usage error
  const lang = resolveInterfaceLang(io);
  const shown = dir ?? '.';
  const root = path.resolve(io.cwd, shown);
  try {
    if (!statSync(root).isDirectory()) throw new UsageError(t(lang, 'init.not_a_folder', { dir: shown }));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // missing: created with the first file
  }
  const today = formatDay(resolveAsOf({}, {}, io));
  const results = scaffoldFiles({ today, lang }).map((file) => ({ file: file.path, written: createFile(path.join(root, ...file.path.split('/')), file.content) }));
  const count = (kind: 'created' | 'skipped') => results.filter((r) => r.written === kind).length;
  const labelWidth = Math.max(...(['init.created', 'init.skipped', 'init.failed'] as const).map((key) => displayWidth(t(lang, key))));
  const lines = [
    t(lang, 'init.summary', { dir: shown, created: count('created'), skipped: count('skipped') }),
    ...results.map((r) => statusLine(lang, r.file, r.written, labelWidth)),
  ];
  const failed = results.some((r) => typeof r.written === 'object');
  if (!failed && count('created') > 0) {
    lines.push('', t(lang, 'init.next'));
    if (shown !== '.') lines.push(`  ${t(lang, 'init.next_cd', { dir: /\s/.test(shown) ? JSON.stringify(shown) : shown })}`);
    lines.push(`  ${t(lang, 'init.next_validate')}`, `  ${t(lang, 'init.next_status')}`, t(lang, 'init.next_edit'));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return failed ? { usageError: true } : {};
}
