import { describe, expect, it } from 'vitest';
import { en, kk, MESSAGE_MODULES, ru } from '../../shared/i18n/catalog.js';
import { formatMessage } from '../../shared/i18n/format.js';
import { resolveLocale, translate } from '../../shared/i18n/index.js';

/** The placeholder names a template uses, including those inside plural branches. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]!))].sort();
}

describe('message catalogs', () => {
  it('ru and kk translate every English key with the same placeholders', () => {
    for (const [name, catalog] of [['ru', ru], ['kk', kk]] as const) {
      expect(Object.keys(catalog).sort(), name).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(catalog[key]), `${name} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('no key is defined by two feature modules (a later one would silently win)', () => {
    const total = MESSAGE_MODULES.reduce((n, m) => n + Object.keys(m.en).length, 0);
    expect(Object.keys(en).length).toBe(total);
  });

  it('ru and kk are actually translated, not copies of English', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => ru[k] === en[k] && /[a-z]{4}/.test(en[k]));
    expect(same).toEqual(['app.title']);
    expect(translate('kk', 'tree.label')).toBe('Файлдар');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('en', 'Hello {name}, {missing}', { name: 'Aigerim' })).toBe('Hello Aigerim, {missing}');
  });

  it('chooses Russian plural forms', () => {
    const t = (n: number) => translate('ru', 'tree.fileCount', { count: n });
    expect([t(1), t(3), t(5), t(21), t(112)]).toEqual(['1 файл', '3 файла', '5 файлов', '21 файл', '112 файлов']);
  });

  it('chooses English plural forms and formats numbers', () => {
    expect(translate('en', 'tree.fileCount', { count: 1 })).toBe('1 file');
    expect(translate('en', 'tree.fileCount', { count: 12345 })).toBe('12,345 files');
  });

  it('does not re-interpret braces inside parameter values', () => {
    expect(formatMessage('en', 'path {p}', { p: '{count, plural, one {x} other {y}}' })).toBe('path {count, plural, one {x} other {y}}');
  });
});

describe('resolveLocale', () => {
  it('maps environment and browser tags to our locales', () => {
    expect(resolveLocale('ru_RU.UTF-8')).toBe('ru');
    expect(resolveLocale('kk-KZ')).toBe('kk');
    expect(resolveLocale('de-DE')).toBe('en');
    expect(resolveLocale('')).toBe('en');
  });
});
