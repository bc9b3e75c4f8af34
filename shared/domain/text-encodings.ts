/** Encodings a reader may choose for a file; 'auto' lets the core detect one. */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
export const ENCODING_CHOICES = ['auto', ...TEXT_ENCODINGS] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];
