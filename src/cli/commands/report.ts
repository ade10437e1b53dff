// plan-check report: the meeting paper, one file (reportFormats: html; a spreadsheet is one more
// registry line). The same selection and meeting view as `status`, the charts' figures from the core.
import { targetHistory } from '../../core/target-history.js';
import { displayPath } from '../../io/find-sources.js';
import { fileOnlyFormats, formatNames, reportFormats } from '../../report/formats.js';
import type { PaperReport } from '../../report/reports.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { deliver, failOnHit, failOnMarks, formatterOf, prepare } from './shared.js';
import { statusReportOf } from './status.js';

export async function runReport(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(reportFormats), fileFormats: fileOnlyFormats });
  const { prepared, outcome } = await prepare(settings, io, { partial: !settings.strict });
  if (!prepared) return outcome;
  const { project } = prepared.loaded;
  const targetsByRef = new Map(prepared.targets.map((result) => [result.target.ref, result.target]));
  const report: PaperReport = {
    status: statusReportOf(prepared),
    historyOf: (ref, unit) => {
      const target = targetsByRef.get(ref);
      if (!target) return { reported: [], pace: [] };
      return targetHistory(target, project.joined.rowsByTarget.get(ref) ?? [], prepared.evaluation.asOf, {
        unit,
        settings: settings.evaluation,
      });
    },
    sources: [
      ...(prepared.loaded.configFile ? [displayPath(prepared.loaded.configFile, io.cwd)] : []),
      ...prepared.loaded.files.map((file) => file.display),
    ],
  };
  await deliver(formatterOf(reportFormats, settings.format), report, prepared, io, prepared.targets.length);
  return { ...outcome, failOnHit: failOnHit(settings.failOn, failOnMarks(prepared.targets, prepared.deadlines)) };
}
