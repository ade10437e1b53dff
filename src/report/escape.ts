// Characters a format cannot carry, or should not show raw (controls, bidi overrides, invisible
// characters), written instead as a visible \uXXXX: each format names its own set.
export const showAsCodePoints = (text: string, unsafe: RegExp): string =>
  text.replace(unsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

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
export const escapeHtml = (text: string): string =>
  showAsCodePoints(text, TERMINAL_UNSAFE).replace(/[&<>"']/g, (char) => HTML_SPECIAL[char]!);
// What a machine format's human-facing text (SARIF messages, JUnit failures) must not carry raw:
// C0 controls but tab, LF and CR (XML 1.0 cannot carry them at all, not even as &#1;), DEL and C1
// controls, bidi marks, overrides and isolates (which reorder what a code-scanning page or a CI
// report shows), zero-width and other invisible characters, a BOM, lone surrogates and the
// non-characters U+FFFE/U+FFFF. Each is written as a visible \uXXXX.
const MACHINE_TEXT_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const escapeForMachineText = (text: string): string => showAsCodePoints(text, MACHINE_TEXT_UNSAFE);

/** XML character data: the unsafe characters shown, then & < > and CR as references. */
export function escapeXmlText(text: string): string {
  return escapeForMachineText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** XML attribute values: as text, with quotes escaped and tab/LF/CR as references so attribute normalisation keeps them. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
