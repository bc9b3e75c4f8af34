/**
 * A feature's messages in every language, side by side. English is the reference: the compiler insists
 * that Russian and Kazakh have exactly its keys.
 */
export function defineMessages<const E extends Record<string, string>>(messages: {
  en: E;
  ru: { [K in keyof E]: string };
  kk: { [K in keyof E]: string };
}) {
  return messages;
}
