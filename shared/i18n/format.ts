/**
 * A small subset of ICU MessageFormat: `{name}` placeholders and
 * `{count, plural, one {# file} few {# файла} many {# файлов} other {# files}}`, with plural categories
 * from Intl.PluralRules so Russian and Kazakh get their own forms.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesCache.set(locale, rules);
  }
  return rules;
}

export function formatMessage(locale: string, template: string, params: MessageParams = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    out += renderPlaceholder(locale, template.slice(open + 1, close), params);
    i = close + 1;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}

function renderPlaceholder(locale: string, body: string, params: MessageParams): string {
  const [name = '', kind, ...rest] = body.split(',');
  const value = params[name.trim()];
  if (kind === undefined) return value === undefined ? `{${name.trim()}}` : String(value);
  if (kind.trim() !== 'plural') throw new Error(`Unsupported message argument type: ${kind}`);
  const count = typeof value === 'number' ? value : Number(value);
  const options = parsePluralOptions(rest.join(','));
  const category = pluralRules(locale).select(count);
  const chosen = options.get(`=${count}`) ?? options.get(category) ?? options.get('other') ?? '';
  return formatMessage(locale, chosen.replaceAll('#', count.toLocaleString(locale)), params);
}

function parsePluralOptions(text: string): Map<string, string> {
  const options = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const selector = text.slice(i, open).trim();
    const close = matchingBrace(text, open);
    options.set(selector, text.slice(open + 1, close));
    i = close + 1;
  }
  return options;
}
