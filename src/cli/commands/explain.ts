// plan-check explain REF: the arithmetic behind one target or deadline.
import { escapeForTerminal } from '../../report/escape.js';
import { formatDutyExplanation, formatTargetExplanation } from '../../report/explain.js';
import { t } from '../../i18n/labels.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { UsageError } from '../usage-error.js';
import { prepare } from './shared.js';
import { foldName } from '../../core/text-fold.js';
import { refCandidates } from '../../core/select.js';

/** A ref matches when it is the full ref, or its tail after "PLAN:" (unique across plans). */
function matches(candidate: string, ref: string): boolean {
  const wanted = foldName(ref);
  return candidate === wanted || candidate.slice(candidate.indexOf(':') + 1) === wanted;
}

export async function runExplain(ref: string, paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const { prepared, outcome } = await prepare(resolveSettings(paths, options, io), io);
  if (!prepared) return outcome;
  const { evaluation, ctx } = prepared;
  const targets = evaluation.targets.filter(
    (r) =>
      matches(r.target.ref, ref) ||
      (matches(`${r.target.planId}:${r.target.taskId}`, ref) &&
        prepared.loaded.project.plans.find((p) => p.id === r.target.planId)?.tasks.find((task) => task.id === r.target.taskId)?.targets
          .length === 1),
  );
  const deadlines = evaluation.deadlines.filter((d) => matches(d.ref, ref));
  // the owners of one duty occurrence share its ref: one explanation shows them all
  const found = targets.length + new Set(deadlines.map((d) => d.ref)).size;
  if (found === 0) {
    const candidates = refCandidates(ref, [
      ...evaluation.targets.map((r) => ({
        ref: r.target.ref,
        metric: r.target.metric,
        task: r.target.taskId,
        units: r.target.each?.map((unit) => unit.unit),
      })),
      ...[...new Set(evaluation.deadlines.map((d) => d.ref))].map((deadlineRef) => ({ ref: deadlineRef })),
    ]);
    const listed = candidates.map((c) =>
      c.metric === undefined ? c.ref : t(ctx.lang, 'explain.candidate', { ref: c.ref, metric: c.metric }),
    );
    throw new UsageError(
      candidates.length > 0
        ? t(ctx.lang, 'explain.not_found_suggest', {
            ref: escapeForTerminal(ref),
            candidates: escapeForTerminal(listed.join(t(ctx.lang, 'help.list_separator'))),
          })
        : t(ctx.lang, 'explain.not_found', { ref: escapeForTerminal(ref) }),
    );
  }
  if (found > 1)
    throw new UsageError(
      t(ctx.lang, 'explain.ambiguous', {
        ref: escapeForTerminal(ref),
        matches: escapeForTerminal([...targets.map((r) => r.target.ref), ...deadlines.map((d) => d.ref)].join(', ')),
      }),
    );
  const target = targets[0];
  if (target) {
    const plan = prepared.loaded.project.plans.find((p) => p.id === target.target.planId)!;
    io.stdout.write(formatTargetExplanation(target, plan, evaluation.asOf, ctx));
  } else {
    const deadline = deadlines[0]!;
    io.stdout.write(
      formatDutyExplanation(
        deadline,
        prepared.loaded.project.plans.find((p) => p.id === deadline.plan),
        evaluation.asOf,
        ctx,
      ),
    );
  }
  return {};
}
