// Text as plan-check compares it: full-width forms and compatibility characters folded (NFKC) and
// stray spaces trimmed, so "三（一）" and "三(一)", "４" and "4", "区市场监管局 " and "区市场监管局"
// are one. Task ids, refs, unit names, CSV headers and typed values all go through here.
export const foldText = (text: string): string => text.normalize('NFKC').trim();

/**
 * Unicode's default-ignorable code points: characters a reader cannot see (zero-width space,
 * joiner and non-joiner, word joiner U+2060, a byte-order mark inside text, soft hyphen, bidi
 * marks and overrides, variation selectors, tag characters, Hangul fillers).
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const HAS_INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

export const hasInvisible = (text: string): boolean => HAS_INVISIBLE.test(text);

/** A name or an id as plan-check compares it: folded, and with no invisible character in it. */
export const foldName = (text: string): string => {
  const folded = foldText(text);
  return HAS_INVISIBLE.test(folded) ? folded.replace(INVISIBLE, '').trim() : folded;
};

/** The text without its invisible characters (not folded otherwise). */
export const withoutInvisible = (text: string): string => (HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text);

/** The distinct invisible characters in a text, as U+XXXX, in order of first appearance. */
export function invisibleCodePoints(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(INVISIBLE)) found.add(`U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return [...found];
}
