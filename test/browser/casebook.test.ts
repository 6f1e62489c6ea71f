import { expect, fixture, html, waitUntil as waitFor } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { createClient, type Casebook, type PivotkitApiClient } from '@pivotkit/sdk';
import '@pivotkit/elements/pk-casebook.js';
import '@pivotkit/elements/pk-observable.js';
import { Outbox, type PkCasebook } from '@pivotkit/elements/pk-casebook.js';
import { emulatorClient, expectAccessible, openCasebookTab } from './casebook-helpers.js';
import { DEMO_CREDENTIALS, MODULE_IDS, emulatorControl } from '../helpers/emulator.js';
import { getPivotMenu, closePivotMenu, currentCase, settings } from '@pivotkit/elements';
import { lastAnnouncement } from '../../packages/elements/src/a11y/announce.js';

const waitUntil = (cond: () => unknown, message?: string) => waitFor(cond, message, { timeout: 8000 });

/** The emulator process the tests may stop and start again (start, stop, dispose); resolves with its URL. */
const restartable = (action: 'start' | 'stop' | 'dispose') =>
  executeServerCommand('pk-restartable-emulator', { action }) as Promise<string>;

/** A signed-in client of the restartable emulator, with no cache and no retries (the outbox does the retrying). */
async function restartableClient() {
  const url = await restartable('start');
  const own = createClient({
    baseUrls: { visibility: url, privateIntel: url },
    credentials: DEMO_CREDENTIALS,
    cache: false,
    retry: 0,
  });
  await own.signIn();
  return own;
}

let n = 0;
const dbName = () => `pk-casebook-test-${Date.now()}-${n++}`;

/** Everything of the panel's shadow tree matching `sel`. */
const all = (el: PkCasebook, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const one = (el: PkCasebook, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Ctrl+key, pressed as a person does: Control down, the key, Control up. */
async function chord(key: string) {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}
const active = (el: PkCasebook) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<pk-casebook>', function () {
  this.timeout(40000);
  let client: PivotkitApiClient;
  const boxes: Outbox[] = [];
  const outbox = (name = dbName()) => {
    const b = new Outbox({ dbName: name, client: () => client, retryDelay: 100, maxRetryDelay: 400 });
    boxes.push(b);
    return b;
  };
  const mount = async (opts: { caseId?: string; box?: Outbox } = {}) => {
    const el = await fixture<PkCasebook>(
      html`<pk-casebook .client=${client} .outbox=${opts.box ?? outbox()} case-id=${opts.caseId ?? ''}></pk-casebook>`,
    );
    await el.updateComplete;
    return el;
  };
  const newCase = async (input: Parameters<PivotkitApiClient['casebooks']['create']>[0]) =>
    client.casebooks.create(input);
  const shownTitle = (el: PkCasebook) => text(one(el, '[part~="case__title"] h2'));

  before(async () => {
    // A test file before this one (same origin, same storage) may have left a current case, which a panel opens.
    localStorage.removeItem('pk-current-case');
    client = await emulatorClient();
    await client.signIn();
  });
  afterEach(() => {
    for (const b of boxes.splice(0)) b.dispose();
    localStorage.removeItem('pk-current-case');
  });

  describe('case list', () => {
    it('lists cases newest first, with title, observable count, TLP and last change', async () => {
      const a = await newCase({
        title: 'List: older',
        observables: [{ type: 'ip', value: '198.51.100.7' }],
        tlp: 'amber',
      });
      const b = await newCase({ title: 'List: newer' });
      const el = await mount();
      await waitUntil(() => all(el, '[role="option"]').length >= 2, 'rows render');
      const titles = all(el, '[part~="row__title"]').map(text);
      expect(titles.indexOf('List: newer')).to.be.lessThan(titles.indexOf('List: older'));
      const row = one(el, `[role="option"][data-id="${a.id}"]`)!;
      expect(text(row)).to.contain('1 observable');
      expect(text(row)).to.contain('TLP:AMBER');
      expect(row.querySelector('time')?.getAttribute('datetime')).to.equal(a.modified);
      void b;
    });

    it('moves through the rows with arrow keys and opens one with Enter, which makes it current', async () => {
      await newCase({ title: 'Keys: one' });
      await newCase({ title: 'Keys: two' });
      const el = await mount();
      await waitUntil(() => all(el, '[role="option"]').length >= 2, 'rows render');
      all(el, '[role="option"]')[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(active(el)?.dataset['index']).to.equal('1');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(active(el)?.dataset['index']).to.equal('0');
      const id = active(el)!.dataset['id']!;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shownTitle(el) === 'Keys: two', 'the case opens');
      expect(el.caseId).to.equal(id);
      expect(localStorage.getItem('pk-current-case')).to.equal(id);
      expect(active(el)?.localName).to.equal('h2');
      await expectAccessible(el);
    });

    it('searches through the service', async () => {
      const tag = `needle${Date.now()}`;
      await newCase({ title: `Search: ${tag} case` });
      const el = await mount();
      await waitUntil(() => all(el, '[role="option"]').length > 0, 'rows render');
      one(el, '[part~="search"]')!.focus();
      await sendKeys({ type: tag });
      await waitUntil(() => all(el, '[role="option"]').length === 1, 'one case matches');
      expect(text(one(el, '[part~="row__title"]'))).to.equal(`Search: ${tag} case`);
    });
  });

  describe('a case', () => {
    it('creates a case, adds observables by paste with a preview, and edits title, description and notes', async () => {
      const box = outbox();
      const el = await mount({ box });
      (one(el, '[part~="new-case"]') as HTMLButtonElement).click();
      await waitUntil(() => shownTitle(el) === 'Untitled case', 'the new case opens');
      await waitUntil(() => !el.caseId.startsWith('local-'), 'the case reaches the server');
      await waitUntil(() => one(el, '[part~="case"]'), 'and is read back');
      const id = el.caseId;
      // Paste
      const dt = new DataTransfer();
      dt.setData('text/plain', 'beacon to 198.51.100.7 and hxxp://evil[.]example[.]net/x and 198.51.100.7');
      one(el, '[part~="case"]')!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true }),
      );
      await waitUntil(() => one(el, '[part="intake__summary"]'), 'the preview shows');
      expect(text(one(el, '[part="intake__summary"]'))).to.match(/^\d+ observables?$/);
      (one(el, '[part~="intake"] [data-action="confirm"]') as HTMLButtonElement).click();
      await waitUntil(() => box.edits.length === 0 && all(el, '[part="observable"]').length >= 2, 'added');
      // Title: Enter on the edit button, type, Enter saves
      (one(el, '[data-edit="title"]') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(active(el)?.getAttribute('part')).to.equal('editor');
      await chord('a');
      await sendKeys({ type: 'Phish <img src=x onerror=alert(1)>' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shownTitle(el) === 'Phish <img src=x onerror=alert(1)>', 'the new title shows');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      // Description: Escape cancels, then Ctrl+Enter saves
      (one(el, '[data-edit="description"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await sendKeys({ type: 'discarded' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(active(el)?.dataset['edit']).to.equal('description');
      expect(text(one(el, '[data-field="description"] [part="field__value"]'))).to.equal('None yet');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ type: 'Line one' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'Line two' });
      await chord('Enter');
      // Note
      (one(el, '[data-edit="new-note"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await sendKeys({ type: 'First note' });
      await chord('Enter');
      // The note shows at once, while the outbox is still storing it (an IndexedDB write after the keypress).
      await el.updateComplete;
      expect(text(one(el, '[part="note__body"]'))).to.equal('First note');
      await waitUntil(
        () => text(one(el, '[part="note__body"]')) === 'First note' && box.edits.length === 0,
        'everything is saved',
      );
      const server = await client.casebooks.get(id);
      expect(server.title).to.equal('Phish <img src=x onerror=alert(1)>');
      expect(server.description).to.equal('Line one\nLine two');
      expect(server.texts?.map((t) => t.text.split('\n').slice(1).join('\n'))).to.deep.equal(['First note']);
      expect(server.observables?.map((o) => o.value).sort()).to.deep.equal(
        ['198.51.100.7', 'evil.example.net', 'http://evil.example.net/x'].sort(),
      );
      await expectAccessible(el);
    });

    it('gives a new case, and an imported one without a TLP, the default TLP from Settings', async () => {
      try {
        for (const tlp of ['red', 'white'] as const) {
          settings.set({ defaultTlp: tlp });
          currentCase.set(null); // the panel opens on the current case otherwise
          const el = await mount();
          (one(el, '[part~="new-case"]') as HTMLButtonElement).click();
          await waitUntil(() => !el.caseId.startsWith('local-') && el.caseId, 'the new case reaches the server');
          expect((await client.casebooks.get(el.caseId)).tlp, `new, with ${tlp} in Settings`).to.equal(tlp);
          el.caseId = '';
          await waitUntil(() => one(el, '#import-file'), 'the list');
          const input = one(el, '#import-file') as HTMLInputElement;
          const dt = new DataTransfer();
          dt.items.add(new File([JSON.stringify({ type: 'casebook', title: 'Imported, no TLP' })], 'case.json'));
          input.files = dt.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          await waitUntil(() => shownTitle(el) === 'Imported, no TLP' && !el.caseId.startsWith('local-'), 'imported');
          expect((await client.casebooks.get(el.caseId)).tlp, `imported, with ${tlp} in Settings`).to.equal(tlp);
        }
      } finally {
        settings.reset();
      }
    });

    it('adds an observable dragged from a <pk-observable> onto a case row', async () => {
      const target = await newCase({ title: 'Drop: target' });
      const el = await mount();
      const page = await fixture(
        html`<pk-observable type="domain" value="drop.example.org" no-enrich></pk-observable>`,
      );
      await waitUntil(() => one(el, `[role="option"][data-id="${target.id}"]`), 'the row renders');
      const handle = page.shadowRoot!.querySelector('[part="drag-handle"]')!;
      const dt = new DataTransfer();
      handle.dispatchEvent(new DragEvent('dragstart', { dataTransfer: dt, bubbles: true, composed: true }));
      const row = one(el, `[role="option"][data-id="${target.id}"]`)!;
      const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
      row.dispatchEvent(over);
      expect(over.defaultPrevented).to.equal(true);
      await el.updateComplete;
      expect(row.getAttribute('part')).to.contain('row--drop');
      row.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => one(el, '[part="intake__summary"]'), 'the preview shows');
      expect(text(one(el, '[part="intake__summary"]'))).to.equal('1 observable');
      (one(el, '[data-action="confirm"]') as HTMLButtonElement).click();
      await waitUntil(async () => (await client.casebooks.get(target.id)).observables?.length === 1, 'on the server');
    });

    it('takes Enter on a drag handle as the keyboard alternative, adding to the current case', async () => {
      const target = await newCase({ title: 'Pick: target' });
      const el = await mount({ caseId: target.id });
      await waitUntil(() => shownTitle(el) === 'Pick: target', 'the case opens');
      const obs = await fixture<HTMLElement>(
        html`<pk-observable type="ip" value="203.0.113.9" no-enrich></pk-observable>`,
      );
      (obs.shadowRoot!.querySelector('[part="drag-handle"]') as HTMLElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => all(el, '[part="observable"]').length === 1, 'shown at once');
      await waitUntil(async () => (await client.casebooks.get(target.id)).observables?.length === 1, 'on the server');
    });

    it('with two casebooks on the page, only the first that can take a drag handle’s Enter adds it', async () => {
      const first = await newCase({ title: 'Pick: first panel' });
      const second = await newCase({ title: 'Pick: second panel' });
      const boxA = outbox();
      const boxB = outbox();
      const a = await mount({ caseId: first.id, box: boxA });
      const b = await mount({ caseId: second.id, box: boxB });
      await waitUntil(() => shownTitle(a) === 'Pick: first panel' && shownTitle(b) === 'Pick: second panel', 'open');
      const obs = await fixture<HTMLElement>(
        html`<pk-observable type="ip" value="203.0.113.10" no-enrich></pk-observable>`,
      );
      (obs.shadowRoot!.querySelector('[part="drag-handle"]') as HTMLElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await client.casebooks.get(first.id)).observables?.length === 1, 'on the server');
      // Whatever either panel queued for the pick has been sent by now.
      await waitUntil(() => boxA.edits.length === 0 && boxB.edits.length === 0, 'both outboxes are empty');
      await waitUntil(() => all(a, '[part="observable"]').length === 1, 'the first panel shows it');
      expect((await client.casebooks.get(second.id)).observables ?? [], 'the second case').to.deep.equal([]);
      await b.updateComplete;
      expect(all(b, '[part="observable"]').length).to.equal(0);
    });

    it('names the parts of its fields in kebab-case, as every part is', async () => {
      const cb = await newCase({ title: 'Parts', short_description: 'Short' });
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => shownTitle(el) === 'Parts', 'the case opens');
      const fields = all(el, '[data-field]').map((f) => f.getAttribute('part'));
      expect(fields).to.deep.equal([
        'field field--title',
        'field field--short-description',
        'field field--description',
      ]);
      expect(text(one(el, '[part~="field--short-description"] [part="field__value"]'))).to.equal('Short');
    });

    it('shows the description as Markdown (headings from h3, safe links), its renderer loaded after the panel', async () => {
      const cb = await newCase({
        title: 'Markdown',
        description:
          '# Findings\nSeen **twice**, see [the report](https://example.org/r).\n\n[bad](javascript:alert(1))',
      });
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => shownTitle(el) === 'Markdown', 'the case opens');
      const field = () => one(el, '[part~="field--description"] [part="field__value"]')!;
      await waitUntil(() => field().querySelector('h3'), 'the Markdown renderer loads and renders the description');
      expect(text(field().querySelector('h3'))).to.equal('Findings');
      expect(text(field().querySelector('strong'))).to.equal('twice');
      const links = [...field().querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/r']);
      expect(text(field())).to.contain('bad');
    });

    it('previews a paste that repeats what the case holds: "N observables, M already in this case"', async () => {
      const cb = await newCase({ title: 'Preview', observables: [{ type: 'ip', value: '198.51.100.7' }] });
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => all(el, '[part="observable"]').length === 1, 'the case opens');
      (one(el, '[data-action="add-observables"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(active(el)?.localName).to.equal('textarea');
      await sendKeys({ type: '198.51.100.7 203.0.113.9 phish.example.org' });
      await chord('Enter');
      await waitUntil(() => one(el, '[part="intake__summary"]'), 'the preview shows');
      expect(text(one(el, '[part="intake__summary"]'))).to.equal('3 observables, 1 already in this case');
      expect(text(one(el, '[data-action="confirm"]'))).to.equal('Add 2');
      await expectAccessible(el);
    });

    it('deletes a case only after the undo window, and Undo keeps it', async () => {
      const keep = await newCase({ title: 'Delete: undone' });
      const el = await mount({ caseId: keep.id });
      el.undoDelay = 60000;
      await waitUntil(() => shownTitle(el) === 'Delete: undone', 'the case opens');
      (all(el, '[part~="button--danger"]')[0] as HTMLButtonElement).click();
      await waitUntil(() => one(el, '[part="toast"]'), 'the undo notice shows');
      expect(active(el)?.textContent?.trim()).to.equal('Undo');
      await expectAccessible(el);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(one(el, '[part="toast"]')).to.equal(null);
      expect((await client.casebooks.get(keep.id)).title).to.equal('Delete: undone');
    });

    it('shows a TLP red case without asking for verdicts, and says why', async () => {
      const cb = await newCase({
        title: 'Red',
        tlp: 'red',
        observables: [{ type: 'domain', value: 'evil.example.net' }],
      });
      const counted: string[] = [];
      const spy = new Proxy(client, {
        get(target, p, r) {
          if (p === 'enrich')
            return new Proxy(target.enrich, {
              get(e, q, r2) {
                counted.push(String(q));
                return Reflect.get(e, q, r2);
              },
            });
          return Reflect.get(target, p, r);
        },
      });
      const el = await fixture<PkCasebook>(
        html`<pk-casebook .client=${spy} .outbox=${outbox()} case-id=${cb.id}></pk-casebook>`,
      );
      await waitUntil(() => all(el, '[part="observable"]').length === 1, 'the case opens');
      expect(text(one(el, '[part~="message--red"]'))).to.contain('TLP red');
      expect(counted).to.deep.equal([]);
      await expectAccessible(el);
      (one(el, '[part~="message--red"] button') as HTMLButtonElement).click();
      await waitUntil(() => counted.includes('deliberate'), 'asked only on the explicit action');
    });
  });

  describe('verdicts', () => {
    it('asks only the modules of the mids setting, and asks again when it changes', async () => {
      const cb = await newCase({
        title: 'Modules',
        tlp: 'amber',
        observables: [{ type: 'domain', value: 'disputed.example.com' }],
      });
      settings.set({ mids: [MODULE_IDS.dns] });
      try {
        const el = await mount({ caseId: cb.id });
        const modules = () => one(el, '[part="verdict"] pk-verdict-badge')?.getAttribute('title') ?? '';
        await waitUntil(() => modules(), 'the verdict');
        expect(modules()).to.contain('DNS Shield');
        expect(modules()).not.to.contain('Reputation Feed');
        settings.set({ mids: [MODULE_IDS.reputation] });
        await waitUntil(() => modules().includes('Reputation Feed'), 'the new module set answers');
        expect(modules()).not.to.contain('DNS Shield');
      } finally {
        settings.reset();
      }
    });
  });

  describe('never losing data', () => {
    it('restores unsent edits after a reload, and shows them pending', async () => {
      const cb = await newCase({ title: 'Reload: before' });
      const name = dbName();
      const offline = new Outbox({ dbName: name, client: () => undefined });
      boxes.push(offline);
      const el = await mount({ caseId: cb.id, box: offline });
      await waitUntil(() => shownTitle(el) === 'Reload: before', 'the case opens');
      (one(el, '[data-edit="title"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await chord('a');
      await sendKeys({ type: 'Reload: after' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => one(el, '[data-field="title"] [part="field__pending"]'), 'the title shows as pending');
      expect(text(one(el, '[data-field="title"] [part="field__pending"]'))).to.equal('Not saved yet');
      expect(text(one(el, '[part="pending"]'))).to.equal('1 change not saved yet');
      await expectAccessible(el);
      el.remove();
      // The next page: a new outbox on the same database, and a new element.
      const again = await mount({ caseId: cb.id, box: outbox(name) });
      await waitUntil(() => shownTitle(again) === 'Reload: after', 'the edit is shown after the reload');
      await waitUntil(async () => (await client.casebooks.get(cb.id)).title === 'Reload: after', 'and is sent');
    });

    it('shows a conflicting edit from another client with both versions', async () => {
      const cb = await newCase({ title: 'Conflict: original' });
      const name = dbName();
      const offline = new Outbox({ dbName: name, client: () => undefined });
      boxes.push(offline);
      const el = await mount({ caseId: cb.id, box: offline });
      await waitUntil(() => shownTitle(el) === 'Conflict: original', 'the case opens');
      (one(el, '[data-edit="title"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await chord('a');
      await sendKeys({ type: 'Conflict: mine' });
      await sendKeys({ press: 'Enter' });
      await (await emulatorClient()).casebooks.update(cb.id, { title: 'Conflict: theirs' });
      el.remove();
      const again = await mount({ caseId: cb.id, box: outbox(name) });
      await waitUntil(() => one(again, '[part="conflict"]'), 'the conflict shows');
      expect(text(one(again, '[data-version="theirs"]'))).to.equal('Conflict: theirs');
      expect(text(one(again, '[data-version="mine"]'))).to.equal('Conflict: mine');
      expect((await client.casebooks.get(cb.id)).title).to.equal('Conflict: theirs');
      await expectAccessible(again);
      (one(again, '[data-action="keep-mine"]') as HTMLButtonElement).click();
      await waitUntil(async () => (await client.casebooks.get(cb.id)).title === 'Conflict: mine', 'mine is sent');
    });

    it('keeps edits while the server is down, and finds them on the server in order once it is back', async () => {
      try {
        const own = await restartableClient();
        const cb = await own.casebooks.create({ title: 'Restart: before' });
        const box = new Outbox({ dbName: dbName(), client: () => own, retryDelay: 100, maxRetryDelay: 300 });
        boxes.push(box);
        const el = await fixture<PkCasebook>(
          html`<pk-casebook .client=${own} .outbox=${box} case-id=${cb.id}></pk-casebook>`,
        );
        await waitUntil(() => shownTitle(el) === 'Restart: before', 'the case opens');
        await restartable('stop');
        (one(el, '[data-edit="title"]') as HTMLButtonElement).click();
        await el.updateComplete;
        await chord('a');
        await sendKeys({ type: 'Restart: after' });
        await sendKeys({ press: 'Enter' });
        for (const note of ['one', 'two']) {
          await waitUntil(() => one(el, '[data-edit="new-note"]'), 'the add-note button');
          (one(el, '[data-edit="new-note"]') as HTMLButtonElement).click();
          await el.updateComplete;
          await sendKeys({ type: note });
          await chord('Enter');
        }
        await waitUntil(() => box.edits.length === 3 && box.edits[0]!.status === 'retrying', 'queued, failing');
        expect(text(one(el, '[part="pending"]'))).to.contain('3 changes not saved yet');
        expect(text(one(el, '[data-field="title"] [part="field__pending"]'))).to.contain('will retry');
        expect(shownTitle(el)).to.equal('Restart: after');
        await expectAccessible(el);
        await restartable('start');
        await waitUntil(() => box.edits.length === 0, 'replayed once the server is back');
        const server = await own.casebooks.get(cb.id);
        expect(server.title).to.equal('Restart: after');
        expect(server.texts?.map((t) => t.text.split('\n').at(-1))).to.deep.equal(['one', 'two']);
      } finally {
        await restartable('dispose');
      }
    });

    it('keeps an edit the API answers with 409 or 5xx queued, and says so', async () => {
      const cb = await newCase({ title: 'Faults' });
      const box = outbox();
      const el = await mount({ caseId: cb.id, box });
      await waitUntil(() => shownTitle(el) === 'Faults', 'the case opens');
      try {
        for (const status of [409, 503]) {
          await emulatorControl('faults', { errorRate: 1, errorStatus: status, paths: ['/ctia/casebook'] });
          (one(el, '[data-edit="new-note"]') as HTMLButtonElement).click();
          await el.updateComplete;
          await sendKeys({ type: `note ${status}` });
          await chord('Enter');
          await waitUntil(() => box.edits[0]?.httpStatus === status, `the ${status} is kept`);
          await waitUntil(
            () => text(one(el, '[part~="notes"] [part="field__pending"]')).includes('will retry'),
            'said',
          );
        }
      } finally {
        await emulatorControl('faults', {});
      }
      await waitUntil(() => box.edits.length === 0, 'sent once the API answers');
      const texts = (await client.casebooks.get(cb.id)).texts?.map((t) => t.text.split('\n').at(-1));
      expect(texts).to.deep.equal(['note 409', 'note 503']);
    });

    it('keeps two tabs on the same case in step', async () => {
      const cb = await newCase({ title: 'Tabs: before' });
      const name = dbName();
      const el = await mount({ caseId: cb.id, box: outbox(name) });
      const other = await openCasebookTab({ dbName: name, caseId: cb.id });
      try {
        const otherTitle = () => text(other.casebook.shadowRoot?.querySelector('[part~="case__title"] h2'));
        await waitUntil(() => otherTitle() === 'Tabs: before', 'the other tab shows the case');
        (one(el, '[data-edit="title"]') as HTMLButtonElement).click();
        await el.updateComplete;
        await chord('a');
        await sendKeys({ type: 'Tabs: after' });
        await sendKeys({ press: 'Enter' });
        // The other tab shows the edit at once (from the shared outbox), and keeps it once the server has it.
        await waitUntil(() => otherTitle() === 'Tabs: after', 'the other tab follows');
        await waitUntil(async () => (await client.casebooks.get(cb.id)).title === 'Tabs: after', 'sent once');
        await waitUntil(
          () => otherTitle() === 'Tabs: after' && !other.casebook.shadowRoot?.querySelector('[part="field__pending"]'),
          'and shows it saved, from the server',
        );
      } finally {
        other.close();
      }
    });
  });

  describe('states', () => {
    it('says which scope is missing when the token has no casebook scope', async () => {
      const limited = await emulatorClient('enrich:read inspect:read');
      await limited.signIn();
      const el = await fixture<PkCasebook>(html`<pk-casebook .client=${limited} .outbox=${outbox()}></pk-casebook>`);
      await el.updateComplete;
      expect(text(one(el, '[part~="missing-scopes"]'))).to.contain('casebook');
      await expectAccessible(el);
    });

    it('offers sign-in when there is no client', async () => {
      const el = await fixture<PkCasebook>(html`<pk-casebook .outbox=${outbox()}></pk-casebook>`);
      expect(one(el, '[part="sign-in"]')).to.not.equal(null);
      await expectAccessible(el);
    });

    it('shows a case whose reply cannot be read with what the list had, and a message', async () => {
      const cb = await newCase({ title: 'Malformed', observables: [{ type: 'ip', value: '198.51.100.7' }] });
      const el = await mount();
      await waitUntil(() => one(el, `[role="option"][data-id="${cb.id}"]`), 'the row renders');
      await emulatorControl('faults', { malformedRate: 1, paths: [`/ctia/casebook/${cb.id}`] });
      try {
        one(el, `[role="option"][data-id="${cb.id}"]`)!.click();
        await waitUntil(() => one(el, '[part~="message--error"]'), 'the message shows');
        expect(text(one(el, '[part~="message--error"]'))).to.contain('could not be read');
        expect(shownTitle(el)).to.equal('Malformed');
        expect(all(el, '[part="observable"]').length).to.equal(1);
        await expectAccessible(el);
      } finally {
        await emulatorControl('faults', {});
      }
    });

    it('shows the cases it could read when one in the page is malformed, and says one could not be read', async () => {
      const tag = `dropped${Date.now()}`;
      const older = await newCase({ title: `${tag} older` });
      await newCase({ title: `${tag} newer` });
      // The emulator takes the first item of each search reply (here the newest case) out of the documented shape.
      await emulatorControl('faults', { invalidItemRate: 1, paths: ['/ctia/casebook/search'] });
      try {
        const el = await mount();
        one(el, '[part~="search"]')!.focus();
        await sendKeys({ type: tag });
        await waitUntil(
          () => all(el, '[role="option"]').length === 1 && one(el, '[part~="message--warning"]'),
          'the readable case and the notice',
        );
        expect(all(el, '[role="option"]').map((r) => r.dataset['id'])).to.deep.equal([older.id]);
        expect(text(one(el, '[part~="message--warning"]'))).to.equal('1 case could not be read and is not shown.');
        expect(one(el, '[part~="message--error"]')).to.equal(null);
        await expectAccessible(el);
      } finally {
        await emulatorControl('faults', {});
      }
    });

    it('shows the empty list', async () => {
      const el = await mount();
      await waitUntil(() => all(el, '[role="option"]').length > 0, 'rows');
      one(el, '[part~="search"]')!.focus();
      await sendKeys({ type: `nothing-matches-${Date.now()}` });
      await waitUntil(() => text(one(el, '[part~="message"]')).startsWith('No case matches'), 'the empty message');
      await expectAccessible(el);
    });

    it('keeps every key typed in the search box when the panel renders before the search runs', async () => {
      const el = await mount();
      await waitUntil(() => all(el, '[role="option"]').length > 0, 'rows');
      const box = one(el, '[part~="search"]') as HTMLInputElement;
      box.focus();
      // A render can come at any time (a list load ending, a sign-in, a case added in another tab): each one here
      // comes before the 250 ms the search waits for the next key.
      for (const [i, key] of [...'phish'].entries()) {
        await sendKeys({ type: key });
        el.requestUpdate();
        await el.updateComplete;
        expect(box.value).to.equal('phish'.slice(0, i + 1));
      }
    });

    it('pages through hundreds of cases with X-Total-Hits and X-Next', async () => {
      const tag = `paging${Date.now()}`;
      await Promise.all(Array.from({ length: 7 }, (_, i) => newCase({ title: `${tag} ${i}` })));
      const el = await fixture<PkCasebook>(
        html`<pk-casebook .client=${client} .outbox=${outbox()} page-size="3"></pk-casebook>`,
      );
      one(el, '[part~="search"]')!.focus();
      await sendKeys({ type: tag });
      await waitUntil(() => text(one(el, '[part="pager"] [role="status"]')) === '1–3 of 7', 'first page');
      const next = () => all(el, '[part="pager"] button')[1] as HTMLButtonElement;
      next().click();
      await waitUntil(() => text(one(el, '[part="pager"] [role="status"]')) === '4–6 of 7', 'second page');
      next().click();
      await waitUntil(() => text(one(el, '[part="pager"] [role="status"]')) === '7–7 of 7', 'last page');
      expect(next().disabled).to.equal(true);
      await expectAccessible(el);
    });
  });

  describe('export and import', () => {
    it('exports the case in each format as a file that parses', async () => {
      const cb = await newCase({
        title: 'Export me',
        tlp: 'amber',
        observables: [
          { type: 'domain', value: 'evil.example.net' },
          { type: 'ip', value: '198.51.100.7' },
        ],
      });
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => all(el, '[part="observable"]').length === 2, 'the case opens');
      const files: { name: string; text: Promise<string> }[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) files.push({ name: this.download, text: fetch(this.href).then((r) => r.text()) });
        else click.call(this);
      };
      try {
        for (const f of ['ctim', 'csv', 'stix', 'misp']) {
          (one(el, `[data-export="${f}"]`) as HTMLButtonElement).click();
          await waitUntil(() => files.length === ['ctim', 'csv', 'stix', 'misp'].indexOf(f) + 1, `${f} offered`);
        }
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      const [ctim, csv, stix, misp] = await Promise.all(files.map((f) => f.text));
      expect(JSON.parse(ctim!).title).to.equal('Export me');
      expect(csv!.split(/\r?\n/)[0]).to.contain('value');
      expect(csv).to.contain('evil.example.net');
      expect(JSON.parse(stix!).type).to.equal('bundle');
      const attrs = (JSON.parse(misp!) as { Event: { Attribute: { type: string }[] } }).Event.Attribute;
      expect(attrs.map((x) => x.type).sort()).to.deep.equal(['domain', 'ip-dst']);
    });

    it("makes the export buttons and the observables' actions toolbars: one Tab stop each, arrow keys", async () => {
      const cb = await newCase({
        title: 'Toolbars',
        tlp: 'amber',
        observables: [{ type: 'domain', value: 'evil.example.net' }],
      });
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => all(el, '[part="observable"]').length === 1, 'the case opens');
      const press = async (key: string) => {
        await sendKeys({ press: key });
        await el.updateComplete;
      };
      const exportBar = one(el, '[part~="export"]')!;
      expect(exportBar.getAttribute('role')).to.equal('toolbar');
      expect(exportBar.getAttribute('aria-label')).to.equal('Export');
      expect(all(el, '[part~="export"] [tabindex="0"]')).to.have.length(1);
      one(el, '[data-export="ctim"]')!.focus();
      await press('ArrowRight');
      expect(active(el)?.dataset['export']).to.equal('csv');
      await press('End');
      expect(active(el)?.dataset['export']).to.equal('misp');
      await press('ArrowRight');
      expect(active(el)?.dataset['export']).to.equal('ctim');
      await press('ArrowLeft');
      expect(active(el)?.dataset['export']).to.equal('misp');
      // Tab leaves the toolbar (to Delete), Shift+Tab comes back to the button last used.
      await press('Tab');
      expect(text(active(el))).to.equal('Delete case');
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(active(el)?.dataset['export']).to.equal('misp');
      const actions = one(el, '[part~="observables-section"] [part~="section__actions"]')!;
      expect(actions.getAttribute('role')).to.equal('toolbar');
      const buttons = [...actions.querySelectorAll<HTMLElement>('button')];
      expect(buttons.filter((b) => b.tabIndex === 0)).to.have.length(1);
      buttons[0]!.focus();
      await press('ArrowRight');
      expect(active(el)).to.equal(buttons[1]);
      await press('End');
      expect(active(el)).to.equal(buttons[2]);
      await press('Home');
      expect(active(el)).to.equal(buttons[0]);
      await expect(el).to.be.accessible();
    });

    it('imports a CTIM casebook file, and a bad file imports nothing and says why', async () => {
      const el = await mount();
      await el.updateComplete;
      const input = one(el, '#import-file') as HTMLInputElement;
      const drop = (text: string) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'case.json', { type: 'application/json' }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      };
      drop('{"type": "casebook", "title": 42}');
      await waitUntil(() => one(el, '[part~="message--error"]'), 'the errors show');
      expect(text(one(el, '[part~="message--error"]'))).to.contain('Nothing was imported');
      await expectAccessible(el);
      drop(
        JSON.stringify({
          type: 'casebook',
          title: 'Imported case',
          observables: [{ type: 'ip', value: '203.0.113.9' }],
        }),
      );
      await waitUntil(() => shownTitle(el) === 'Imported case', 'the imported case opens');
      await waitUntil(() => !el.caseId.startsWith('local-'), 'created on the server');
      expect((await client.casebooks.get(el.caseId)).observables).to.deep.equal([{ type: 'ip', value: '203.0.113.9' }]);
    });
  });

  describe('linking to an incident', () => {
    /** The relationships the server holds between the case and an incident (from the case's bundle export). */
    const linksOf = async (cb: Casebook) => {
      const bundle = await client.bundle.export([cb]);
      return ((bundle['relationships'] ?? []) as { source_ref: string; target_ref: string }[]).filter(
        (r) => r.source_ref === cb.longId,
      );
    };
    const select = (el: PkCasebook) => one(el, '[part~="link__select"]') as HTMLSelectElement;

    it('links the case to an incident chosen from the list, says so and stores the link', async () => {
      const cb = await newCase({ title: 'Link: case' });
      const incidents = (await client.incidents.list({ limit: 50, sortBy: 'incident_time.opened:desc' })).items;
      const target = incidents[1]!;
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => shownTitle(el) === 'Link: case', 'the case opens');
      const open = one(el, '[part~="link__open"]') as HTMLButtonElement;
      open.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => select(el)?.options.length === incidents.length, 'the incidents load');
      expect(active(el) === select(el), 'focus is on the incident list').to.equal(true);
      expect(open.getAttribute('aria-expanded')).to.equal('true');
      expect(text(select(el).options[1])).to.equal(`${target.title} — ${target.status}`);
      await expectAccessible(el);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(select(el).value).to.equal(target.id);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => one(el, '[part~="link__status"]'), 'the result shows');
      expect(text(one(el, '[part~="link__status"]'))).to.equal(`Linked to “${target.title}”`);
      expect(lastAnnouncement()).to.equal(`Linked to “${target.title}”`);
      expect(active(el) === one(el, '[part~="link__open"]'), 'focus is back on the button').to.equal(true);
      const links = await linksOf(cb);
      expect(links.map((r) => r.target_ref)).to.deep.equal([target.longId]);
      await expectAccessible(el);
    });

    it('says why a link failed, keeps the chooser open, and links on a second try', async () => {
      const cb = await newCase({ title: 'Link: failing' });
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => shownTitle(el) === 'Link: failing', 'the case opens');
      (one(el, '[part~="link__open"]') as HTMLButtonElement).click();
      await waitUntil(() => select(el)?.value.startsWith('incident-'), 'the incidents load');
      await emulatorControl('faults', { errorRate: 1, errorStatus: 503, paths: ['/link'] });
      try {
        (one(el, '[part~="link__chooser"] [type="submit"]') as HTMLButtonElement).click();
        await waitUntil(() => one(el, '[part~="link__chooser"] [part~="message--error"]'), 'the error shows');
        const error = one(el, '[part~="link__chooser"] [part~="message--error"]')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.match(/^Could not link the case: .*503/);
        expect(await linksOf(cb)).to.deep.equal([]);
        await expectAccessible(el);
      } finally {
        await emulatorControl('faults', {});
      }
      (one(el, '[part~="link__chooser"] [type="submit"]') as HTMLButtonElement).click();
      await waitUntil(() => one(el, '[part~="link__status"]'), 'linked');
      expect((await linksOf(cb)).length).to.equal(1);
    });

    it('says which scopes linking needs when the token lacks them', async () => {
      const limited = await emulatorClient('casebook enrich:read');
      await limited.signIn();
      const cb = await limited.casebooks.create({ title: 'Link: no scope' });
      const el = await fixture<PkCasebook>(
        html`<pk-casebook .client=${limited} .outbox=${outbox()} case-id=${cb.id}></pk-casebook>`,
      );
      await waitUntil(() => shownTitle(el) === 'Link: no scope', 'the case opens');
      expect(!!one(el, '[part~="link__open"]'), 'no link button').to.equal(false);
      expect(text(one(el, '[part~="link__status"]'))).to.match(
        /^Linking to an incident needs the .*private-intel\/incident:read/,
      );
      await expectAccessible(el);
    });
  });

  describe('investigate', () => {
    it('opens "Investigate this case" on the case, and closes it again', async () => {
      const cb = await newCase({ title: 'Investigate', observables: [{ type: 'domain', value: 'evil.example.net' }] });
      const el = await mount({ caseId: cb.id });
      await waitUntil(() => all(el, '[part="observable"]').length === 1, 'the case opens');
      const button = one(el, '[part~="investigation"] button') as HTMLButtonElement;
      button.click();
      await waitUntil(() => one(el, 'pk-case-investigation'), 'the investigation shows');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect((one(el, 'pk-case-investigation') as HTMLElement & { casebook?: { id: string } }).casebook?.id).to.equal(
        cb.id,
      );
      await expectAccessible(el);
      button.click();
      await waitUntil(() => !one(el, 'pk-case-investigation'), 'and closes');
    });
  });

  describe('docked', () => {
    it('opens from its corner button and closes on Escape, unless the host keeps it open', async () => {
      const el = await fixture<PkCasebook>(
        html`<pk-casebook docked .client=${client} .outbox=${outbox()}></pk-casebook>`,
      );
      const toggle = one(el, '[part="toggle"]') as HTMLButtonElement;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(one(el, '[part~="panel"]')).to.equal(null);
      await expectAccessible(el);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => one(el, '[part~="panel"]'), 'the panel opens');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => all(el, '[role="option"]').length > 0, 'with the cases');
      await expectAccessible(el);
      const keep = (e: Event) => e.preventDefault();
      el.addEventListener('pk-request-close', keep);
      all(el, '[role="option"]')[0]!.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.opened).to.equal(true);
      el.removeEventListener('pk-request-close', keep);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.opened).to.equal(false);
      expect(active(el)).to.equal(one(el, '[part="toggle"]'));
    });
  });

  describe('from the pivot menu', () => {
    afterEach(() => closePivotMenu());

    it('queues an add made while the server is down, shows it pending, and sends it once the server is back', async () => {
      try {
        const own = await restartableClient();
        const cb = await own.casebooks.create({ title: 'Menu: offline' });
        // On the page's outbox (no .outbox): the one the menu writes to.
        const el = await fixture<PkCasebook>(html`<pk-casebook .client=${own} case-id=${cb.id}></pk-casebook>`);
        await waitUntil(() => shownTitle(el) === 'Menu: offline', 'the case opens');
        const page = await fixture<HTMLElement>(
          html`<p>
            Seen offline at
            <pk-observable type="domain" value="offline.example.org" .client=${own} no-enrich></pk-observable>
          </p>`,
        );
        const obs = page.querySelector('pk-observable') as HTMLElement & { showMenu(): Promise<void> };
        await restartable('stop');
        await obs.showMenu();
        const menu = getPivotMenu()!;
        await waitUntil(
          () => menu.shadowRoot?.querySelector('[data-id="current-case"]:not([aria-disabled])'),
          'the menu offers the current case',
        );
        (menu.shadowRoot!.querySelector('[data-id="current-case"]') as HTMLElement).click();
        await waitUntil(
          () => text(menu.shadowRoot!.querySelector('[part="status"]')).startsWith('Not saved yet'),
          'the menu says it is not saved yet',
        );
        expect(text(menu.shadowRoot!.querySelector('[part="status"]'))).to.equal(
          'Not saved yet: it will be added to “Menu: offline” once the server can be reached',
        );
        // The casebook shows it at once, as pending.
        await waitUntil(() => all(el, '[part="observable"]').length === 1, 'shown in the case');
        expect(text(one(el, '[part~="observables-section"] [part="field__pending"]'))).to.match(/^Not saved yet/);
        expect(text(one(el, '[part="pending"]'))).to.match(/changes? not saved yet/);
        await restartable('start');
        await waitFor(
          async () =>
            (await own.casebooks.get(cb.id)).observables?.some((o) => o.value === 'offline.example.org') === true,
          'on the server once it is back',
          { timeout: 30000, interval: 250 },
        );
        await waitFor(() => text(one(el, '[part="pending"]')) === 'All changes saved', 'and no longer pending', {
          timeout: 30000,
        });
      } finally {
        await restartable('dispose');
      }
    });

    it('shows what the menu added to the current case, and keeps where it was found', async () => {
      const cb = await newCase({ title: 'Menu: target' });
      const box = outbox();
      const el = await mount({ caseId: cb.id, box });
      await waitUntil(() => shownTitle(el) === 'Menu: target', 'the case opens');
      const page = await fixture<HTMLElement>(
        html`<p>
          Seen beaconing to
          <pk-observable type="domain" value="menu.example.org" .client=${client} no-enrich></pk-observable>
        </p>`,
      );
      const obs = page.querySelector('pk-observable') as HTMLElement & { showMenu(): Promise<void> };
      await obs.showMenu();
      const menu = getPivotMenu()!;
      await waitUntil(
        () => menu.shadowRoot?.querySelector('[data-id="current-case"]:not([aria-disabled])'),
        'the menu offers the current case',
      );
      (menu.shadowRoot!.querySelector('[data-id="current-case"]') as HTMLElement).click();
      await waitUntil(() => all(el, '[part="observable"]').length === 1, 'shown in the case');
      await waitUntil(() => box.edits.length === 0, 'sent');
      const server = await client.casebooks.get(cb.id);
      expect(server.observables).to.deep.equal([{ type: 'domain', value: 'menu.example.org' }]);
      const sightings = (server['bundle'] as { sightings?: { description?: string }[] }).sightings ?? [];
      expect(sightings[0]?.description).to.contain('Seen beaconing to');
      await waitUntil(() => one(el, '[part="provenance"]'), 'the provenance shows');
    });
  });
});
