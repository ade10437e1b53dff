// Characters a format cannot carry, or should not show raw (controls, bidi overrides, invisible
// characters), written instead as a visible \uXXXX: each format names its own set.
export const showAsCodePoints = (text: string, unsafe: RegExp): string => text.replace(unsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
