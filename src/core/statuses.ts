// The statuses, named once: the types, the summary order, the ranks, the attention rule and the
// values --status and --fail-on accept all derive from these lists.

/** A target's status, in the order summaries count them. */
export const targetStatuses = ['met', 'on_track', 'behind', 'missed', 'breached', 'no_data', 'not_started'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** A deadline's status. */
export const deadlineStatuses = ['done', 'overdue', 'due_soon', 'upcoming'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];

/** Every status a result can have: the values --status and --fail-on accept. */
export const allStatuses = [...targetStatuses, ...deadlineStatuses] as const;
export type Status = (typeof allStatuses)[number];

/** A traffic light, the colour of a target or deadline in meeting papers. */
export type Light = 'red' | 'yellow' | 'green' | 'grey';

/** The lights --fail-on takes besides statuses. */
const failOnLights = ['red', 'yellow'] as const satisfies readonly Light[];

/** What --fail-on accepts: every status, and the lights red and yellow. */
export const failOnValues = [...allStatuses, ...failOnLights] as const;
export type FailOnValue = (typeof failOnValues)[number];

/** Worst first: the order of gaps and of the meeting view's rows. */
export const targetStatusRank = {
  missed: 0,
  breached: 1,
  behind: 2,
  no_data: 3,
  not_started: 4,
  on_track: 5,
  met: 6,
} as const satisfies Record<TargetStatus, number>;

/** The targets the meeting view shows without --all. */
export const attentionStatuses: readonly TargetStatus[] = ['behind', 'missed', 'breached', 'no_data'];

export const isTargetStatus = (status: string): status is TargetStatus => (targetStatuses as readonly string[]).includes(status);
export const isDeadlineStatus = (status: string): status is DeadlineStatus => (deadlineStatuses as readonly string[]).includes(status);
