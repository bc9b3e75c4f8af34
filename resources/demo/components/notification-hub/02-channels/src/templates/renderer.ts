import { readFileSync } from 'node:fs';
import type { Language, RenderedMessage } from '../channels/channel.js';

type Catalog = Record<string, Record<Language, { subject: string; text: string }>>;

const catalog = JSON.parse(readFileSync(new URL('./messages.json', import.meta.url), 'utf8')) as Catalog;

export class UnknownTemplateError extends Error {}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function fill(template: string, params: Record<string, string>, escape: (s: string) => string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new Error(`Template parameter "${name}" is missing`);
    }
    return escape(value);
  });
}

/** Renders a message in the recipient's language, falling back to Russian, then Kazakh. */
export function render(templateId: string, language: Language, params: Record<string, string>): RenderedMessage {
  const entry = catalog[templateId];
  if (!entry) {
    throw new UnknownTemplateError(`Unknown template "${templateId}"`);
  }
  const localized = entry[language] ?? entry.ru ?? entry.kk;
  const text = fill(localized.text, params, (s) => s);
  return {
    subject: fill(localized.subject, params, (s) => s),
    text,
    html: `<p>${fill(localized.text, params, escapeHtml)}</p>`,
  };
}

export function templateIds(): string[] {
  return Object.keys(catalog);
}
