// The kinds of change `plan-check diff` reports: stable codes, used by --fail-on, by approvals
// (`# approved: KIND@REF`) and in JSON. The order here is the order rows of one item are listed.

export const changeKinds = [
  'added',
  'removed',
  'retitled',
  'lowered',
  'raised',
  'op-changed',
  'kind-changed',
  'expression-changed',
  'metric-changed',
  'progress-changed',
  'baseline-changed',
  'accumulate-changed',
  'combine-changed',
  'lead-changed',
  'support-changed',
  'owner-changed',
  'each-changed',
  'start-earlier',
  'start-later',
  'deadline-earlier',
  'deadline-later',
  'schedule-changed',
  'population-changed',
] as const;

export type ChangeKind = (typeof changeKinds)[number];

/** What a change is about. */
export type ChangeSubject = 'plan' | 'task' | 'target' | 'phase' | 'duty';

/** `any` in --fail-on: every kind. */
export const anyChange = 'any';
