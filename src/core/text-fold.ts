// Text as plan-check compares it: full-width forms and compatibility characters folded (NFKC) and
// stray spaces trimmed, so "三（一）" and "三(一)", "４" and "4", "区市场监管局 " and "区市场监管局"
// are one. Task ids, refs, unit names, CSV headers and typed values all go through here.
export const foldText = (text: string): string => text.normalize('NFKC').trim();
