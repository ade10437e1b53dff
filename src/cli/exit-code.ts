// The one place that decides the exit code. 0: done, nothing wrong. 1: the input is invalid, or a
// status named by --fail-on is present. 2: usage error, unreadable file, or an internal error.

export interface Outcome {
  usageError?: boolean;
  internalError?: boolean;
  unreadableInput?: boolean;
  invalidInput?: boolean;
  failOnHit?: boolean;
}

export function getExitCode(outcome: Outcome): 0 | 1 | 2 {
  if (outcome.internalError || outcome.usageError || outcome.unreadableInput) return 2;
  if (outcome.invalidInput || outcome.failOnHit) return 1;
  return 0;
}
