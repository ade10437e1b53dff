// A mistake in how plan-check was called (exit 2): its message is already in the user's language.
export class UsageError extends Error {}
