// Output formats each command accepts: read by the option definitions (run.ts) before any command
// module is loaded, and by the commands themselves.
export const validateFormats = ['text', 'json', 'github', 'sarif', 'junit'] as const;
export const diffFormats = ['table', 'md', 'json', 'github'] as const;
