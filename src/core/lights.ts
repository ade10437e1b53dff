// Traffic lights, the colour a 督查 office gives each item in its meeting papers. Targets take
// theirs from the status and the lag (points behind the pace) against two bands; deadlines from
// their status alone; an `each` target takes the reddest of its units'.
import type { DeadlineStatus, Light, TargetStatus } from './statuses.js';
import { type Rational, compareWithTolerance, fromNumber } from './rational.js';

export type { Light };

/** Points behind the pace beyond which a behind target turns yellow, and red. */
export interface LightBands {
  yellow: number;
  red: number;
}

export const defaultLightBands: LightBands = { yellow: 0, red: 30 };

/** Reddest first, as an `each` target and the meeting view order them. */
export const lightOrder: readonly Light[] = ['red', 'yellow', 'grey', 'green'];

/** A lag beyond the band, with the contract's 1e-9 tolerance: a lag exactly on the edge is not beyond it. */
const beyond = (lag: Rational, band: number): boolean => compareWithTolerance(lag, fromNumber(band)) > 0;

/**
 * red: missed, breached, or behind by more than `red` points; yellow: behind by more than
 * `yellow` and at most `red`; green: met, on track, or behind by at most `yellow`; grey: no data,
 * not started. A behind target without a lag (R = 0, which cannot be behind by the rules) is yellow.
 */
export function targetLight(status: TargetStatus, lag: Rational | undefined, bands: LightBands = defaultLightBands): Light {
  switch (status) {
    case 'missed':
    case 'breached':
      return 'red';
    case 'no_data':
    case 'not_started':
      return 'grey';
    case 'met':
    case 'on_track':
      return 'green';
    case 'behind':
      if (lag === undefined) return 'yellow';
      if (beyond(lag, bands.red)) return 'red';
      return beyond(lag, bands.yellow) ? 'yellow' : 'green';
  }
}

/** overdue: red; due soon: yellow; done or upcoming: green. */
export function deadlineLight(status: DeadlineStatus): Light {
  if (status === 'overdue') return 'red';
  if (status === 'due_soon') return 'yellow';
  return 'green';
}

/** The reddest of several lights, in the order red, yellow, grey, green (green for none). */
export function reddestLight(lights: readonly Light[]): Light {
  let best = lightOrder.length - 1;
  for (const light of lights) best = Math.min(best, lightOrder.indexOf(light));
  return lightOrder[best]!;
}

/** Whether two bands make sense together: both at least 0, yellow not above red. */
export function bandsInOrder(bands: LightBands): boolean {
  return bands.yellow >= 0 && bands.red >= 0 && bands.yellow <= bands.red;
}
