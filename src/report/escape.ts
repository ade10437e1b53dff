// Characters a format cannot carry, or should not show raw (controls, bidi overrides, invisible
// characters), written instead as a visible \uXXXX: each format names its own set.
export const showAsCodePoints = (text: string, unsafe: RegExp): string => text.replace(unsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

// What a terminal line must never carry raw: C0 controls (ESC, BEL, CR, LF and tab included), DEL,
// C1 controls, bidi overrides and isolates, and invisible characters (zero-width spaces and joiners,
// word joiners, a byte-order mark, line and paragraph separators). For paths and other user text in
// stderr lines and one-line messages, where a line feed would forge a line of its own.
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
export const escapeForTerminal = (text: string): string => showAsCodePoints(text, TERMINAL_UNSAFE);

// HTML text and attribute values: the five characters markup reads, and the characters no format
// should show raw (controls, bidi overrides, invisible ones) as a visible \uXXXX, so a title can
// neither open an element nor hide what it says.
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => showAsCodePoints(text, TERMINAL_UNSAFE).replace(/[&<>"']/g, (char) => HTML_SPECIAL[char]!);
