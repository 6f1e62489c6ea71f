import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
// What a reporting page loads first: the observable (and with it the localize controller and the shared strings).
import '../components/observable/pk-observable.js';
import english from '../test-helpers/english.js';
import type { Outbox, PkCasebook } from '../components/casebook/pk-casebook.js';
import { casebookEn } from './casebook.js';
import { registerTranslation, translationFor } from './index.js';

// A language the page registered before any panel loaded.
registerTranslation({ ...english, $code: 'x-page', casebookPanel: 'Dossiers', allSaved: 'Tout est enregistré' });

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const title = (el: PkCasebook) => text(el.shadowRoot!.querySelector('[part="header__title"]'));
const pending = (el: PkCasebook) => text(el.shadowRoot!.querySelector('[part="pending"]'));

let n = 0;
const boxes: Outbox[] = [];
/** The casebook panel, loaded with import() as the ribbon and the pivot menu load it, signed out. */
async function casebook(lang?: string) {
  const { Outbox } = await import('../components/casebook/pk-casebook.js');
  const box = new Outbox({ dbName: `pk-panel-english-${Date.now()}-${n++}`, client: () => undefined });
  boxes.push(box);
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${ifDefined(lang)}><pk-casebook .outbox=${box}></pk-casebook></div>`,
  );
  const el = wrap.querySelector('pk-casebook')!;
  await el.updateComplete;
  return el;
}

describe('panel strings', () => {
  const lang = document.documentElement.lang;
  afterEach(() => {
    for (const b of boxes.splice(0)) b.dispose();
    document.documentElement.lang = lang;
  });

  it('a panel loaded with import() brings its English with it', async () => {
    document.documentElement.lang = 'en';
    expect(translationFor('en').pivotOn, 'the shared strings are there from the start').to.be.a('function');
    if (!customElements.get('pk-casebook'))
      expect(translationFor('en').casebookPanel, 'no casebook string before the casebook loads').to.equal(undefined);
    const el = await casebook();
    expect(title(el)).to.equal(casebookEn.casebookPanel);
    expect(pending(el)).to.equal(casebookEn.allSaved);
    expect(translationFor('en-GB').allSaved).to.equal(casebookEn.allSaved);
  });

  it('a panel loaded with import() shows the translation the page registered for its lang', async () => {
    const el = await casebook('x-page');
    expect(title(el)).to.equal('Dossiers');
    expect(pending(el)).to.equal('Tout est enregistré');
  });

  it('re-renders in the registered translation when <html lang> changes', async () => {
    document.documentElement.lang = 'en';
    const el = await casebook();
    expect(title(el)).to.equal(casebookEn.casebookPanel);
    await waitUntil(() => el.updateComplete, 'the panel has settled');
    document.documentElement.lang = 'x-page';
    // The controller's MutationObserver runs before a microtask queued after the change, and asks for a render.
    await new Promise<void>((r) => queueMicrotask(r));
    await el.updateComplete;
    expect(title(el)).to.equal('Dossiers');
    expect(pending(el)).to.equal('Tout est enregistré');
  });
});
