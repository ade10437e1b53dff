// plan-check init [dir]: scaffold a working plan repository. It never overwrites: a file that is
// already there is kept and listed as kept.
import path from 'node:path';
import { formatDay } from '../../core/dates.js';
import { type Lang, t } from '../../i18n/labels.js';
import { pathKind } from '../../io/find-sources.js';
import { type Written, writeFileAtomic } from '../../io/write-output.js';
import { scaffoldFiles } from '../../init/scaffold.js';
import { displayWidth } from '../../report/wrap.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveInterfaceLang, resolveLangOption, today } from '../settings.js';
import { UsageError } from '../usage-error.js';

function statusLine(lang: Lang, file: string, written: Written, labelWidth: number): string {
  const label = written === 'written' ? t(lang, 'init.created') : written === 'exists' ? t(lang, 'init.skipped') : t(lang, 'init.failed');
  const pad = ' '.repeat(labelWidth - displayWidth(label) + 2);
  const note =
    written === 'written'
      ? ''
      : written === 'exists'
        ? t(lang, 'init.skipped_note')
        : t(lang, 'init.write_failed', { reason: written.failed });
  return `  ${label}${pad}${file}${note}`;
}

export function runInit(dir: string | undefined, options: Pick<CommandOptions, 'lang'>, io: CliIo): Outcome {
  resolveLangOption(options, io); // a bad --lang is a usage error
  const lang = resolveInterfaceLang(io);
  const shown = dir ?? '.';
  const root = path.resolve(io.cwd, shown);
  // missing: created with the first file
  if (pathKind(root) === 'other') throw new UsageError(t(lang, 'init.not_a_folder', { dir: shown }));
  const files = scaffoldFiles({ today: formatDay(today(io)), lang });
  // never overwrites: a file that is already there is kept and listed as kept
  const results = files.map((file) => ({
    file: file.path,
    written: writeFileAtomic(path.join(root, ...file.path.split('/')), () => [file.content], { exclusive: true, makeFolder: true }),
  }));
  const count = (kind: 'written' | 'exists') => results.filter((r) => r.written === kind).length;
  const labelWidth = Math.max(...(['init.created', 'init.skipped', 'init.failed'] as const).map((key) => displayWidth(t(lang, key))));
  const lines = [
    t(lang, 'init.summary', { dir: shown, created: count('written'), skipped: count('exists') }),
    ...results.map((r) => statusLine(lang, r.file, r.written, labelWidth)),
  ];
  const failed = results.some((r) => typeof r.written === 'object');
  if (!failed && count('written') > 0) {
    lines.push('', t(lang, 'init.next'));
    if (shown !== '.') lines.push(`  ${t(lang, 'init.next_cd', { dir: /\s/.test(shown) ? JSON.stringify(shown) : shown })}`);
    lines.push(`  ${t(lang, 'init.next_validate')}`, `  ${t(lang, 'init.next_status')}`, t(lang, 'init.next_edit'));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return failed ? { usageError: true } : {};
}
