// The character codes that the JSON readers and the scenario scanner compare `charCodeAt` against.

export const TAB = 0x09;
export const NEWLINE = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const QUOTE = 0x22;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const LBRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const RBRACKET = 0x5d;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
/** U+FEFF, the byte order mark: whitespace to the scanner, skipped at the start of `eval` input */
export const BOM = 0xfeff;
