import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render, templateIds, UnknownTemplateError } from '../src/templates/renderer.js';

describe('render', () => {
  it('fills parameters in the recipient language', () => {
    const message = render('application.submitted', 'kk', { number: '2025-000123', serviceTitle: 'Неке қиюды тіркеу', deadline: '15.07.2025' });
    assert.equal(message.subject, 'Өтінім қабылданды');
    assert.match(message.text, /2025-000123/);
    assert.match(message.text, /15\.07\.2025/);
  });

  it('escapes parameters in the HTML part only', () => {
    const message = render('application.needsInfo', 'ru', { number: '2025-1', comment: '<script>alert(1)</script>' });
    assert.ok(message.text.includes('<script>'));
    assert.ok(message.html?.includes('&lt;script&gt;'));
    assert.ok(!message.html?.includes('<script>'));
  });

  it('fails loudly when a parameter is missing', () => {
    assert.throws(() => render('application.approved', 'en', {}), /number/);
  });

  it('refuses unknown templates', () => {
    assert.throws(() => render('no.such.template', 'ru', {}), UnknownTemplateError);
  });

  it('has every template in all three languages', () => {
    for (const id of templateIds()) {
      for (const language of ['kk', 'ru', 'en'] as const) {
        assert.doesNotThrow(() => render(id, language, new Proxy({}, { get: () => 'x' })), `${id}/${language}`);
      }
    }
  });
});
