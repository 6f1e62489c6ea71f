import { expect, fixture, html } from '@open-wc/testing';
import '../components/observable/pk-observable.js';
import english from '../test-helpers/english.js';
import type { PkCasebook } from '../components/casebook/pk-casebook.js';
import { registerTranslation, translationFor } from './index.js';

// The page's own English, registered before any panel loaded (a file of its own: it replaces the built-in English
// for the whole page).
registerTranslation({ ...english, $code: 'en', casebookPanel: 'Case notes', pivotOn: (o) => `Look into ${o.value}` });

describe('a registered English translation', () => {
  it('wins over the English a panel loaded with import() brings', async () => {
    const { Outbox } = await import('../components/casebook/pk-casebook.js');
    const box = new Outbox({ dbName: `pk-page-english-${Date.now()}`, client: () => undefined });
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><pk-casebook .outbox=${box}></pk-casebook></div>`);
      const el = wrap.querySelector<PkCasebook>('pk-casebook')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="header__title"]')!.textContent!.trim()).to.equal('Case notes');
      expect(translationFor('en').casebookPanel).to.equal('Case notes');
      expect(translationFor('en').pivotOn({ type: 'ip', value: '192.0.2.1' })).to.equal('Look into 192.0.2.1');
    } finally {
      box.dispose();
    }
  });
});
