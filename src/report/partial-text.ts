// A report on input with errors says so before anything else (contract v2, "The meeting view"):
// which plans and files were left out, how many rows, and the marker on what lost data. Nothing
// half-valid is shown as complete.
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import type { PartialInput } from './reports.js';
import { safeText } from './display.js';

/** The notice's lines (plain text: each format escapes and styles them). */
export function partialLines(partial: PartialInput | undefined, ctx: FormatContext): string[] {
  if (!partial) return [];
  const lines = [t(ctx.lang, 'partial.heading', { errors: partial.errors })];
  if (partial.plans.length > 0)
    lines.push(
      t(ctx.lang, 'partial.plans', {
        plans: partial.plans.map((p) => (p.plan ? `${p.plan} (${safeText(p.file)})` : safeText(p.file))).join('; '),
      }),
    );
  if (partial.files.length > 0) lines.push(t(ctx.lang, 'partial.files', { files: partial.files.map(safeText).join('; ') }));
  if (partial.entries > 0) lines.push(t(ctx.lang, 'partial.entries', { count: partial.entries, marker: t(ctx.lang, 'partial.marker') }));
  return lines;
}

/** A status cell with the marker of a target or deadline that lost rows to errors. */
export const withDataErrorMarker = (text: string, dataErrors: number | undefined, ctx: Pick<FormatContext, 'lang'>): string =>
  dataErrors ? `${text} ${t(ctx.lang, 'partial.marker')}` : text;

/** The JSON form: `complete`, and what was left out when not. */
export function partialJson(partial: PartialInput | undefined): {
  complete: boolean;
  left_out?: { errors: number; plans: { file: string; plan: string | null }[]; files: string[]; entries: number };
} {
  if (!partial) return { complete: true };
  return {
    complete: false,
    left_out: {
      errors: partial.errors,
      plans: partial.plans.map((p) => ({ file: p.file, plan: p.plan ?? null })),
      files: partial.files,
      entries: partial.entries,
    },
  };
}
