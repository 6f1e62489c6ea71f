import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { PkRequestCloseEvent } from '../../events/request-close.js';
import './pk-dialog.js';
import type { PkDialog } from './dialog.js';

async function clickAt(el: Element) {
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function setup(opts: { modeless?: boolean; autofocus?: boolean } = {}) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div>
      <button id="opener">Open</button>
      <pk-dialog label="Block evil.example.net?" ?modeless=${!!opts.modeless}>
        <p>Blocks the domain in every module.</p>
        <input id="note" aria-label="Note" ?autofocus=${!!opts.autofocus} />
        <button slot="footer" id="cancel">Cancel</button>
        <button slot="footer" id="ok">Block</button>
      </pk-dialog>
    </div>`,
  );
  const dialog = wrap.querySelector('pk-dialog')!;
  const opener = wrap.querySelector<HTMLButtonElement>('#opener')!;
  opener.addEventListener('click', () => void dialog.show());
  return { wrap, dialog, opener, native: () => dialog.shadowRoot!.querySelector('dialog')! };
}

async function openFromOpener(d: { dialog: PkDialog; opener: HTMLButtonElement }) {
  d.opener.focus();
  const shown = oneEvent(d.dialog, 'pk-after-show');
  await sendKeys({ press: 'Enter' });
  await shown;
}

describe('<pk-dialog>', () => {
  describe('opening', () => {
    it('opens modal, fires pk-show then pk-after-show, reflects open and is named by its label', async () => {
      const d = await setup();
      const events: string[] = [];
      for (const t of ['pk-show', 'pk-after-show']) d.dialog.addEventListener(t, () => events.push(t));
      await openFromOpener(d);
      expect(events).to.deep.equal(['pk-show', 'pk-after-show']);
      expect(d.dialog.hasAttribute('open')).to.equal(true);
      expect(d.native().open).to.equal(true);
      expect(d.native().matches(':modal')).to.equal(true);
      const title = d.dialog.shadowRoot!.querySelector('[part="title"]')!;
      expect(d.native().getAttribute('aria-labelledby')).to.equal(title.id);
      expect(title.textContent).to.equal('Block evil.example.net?');
    });

    it('moves focus to the first focusable element inside', async () => {
      const d = await setup();
      await openFromOpener(d);
      expect(deepActive()?.id).to.equal('note');
    });

    it('prefers an [autofocus] element', async () => {
      const d = await setup({ autofocus: true });
      await openFromOpener(d);
      expect(deepActive()?.id).to.equal('note');
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <pk-dialog label="x"><button>First</button><button slot="footer" autofocus id="af">Auto</button></pk-dialog>
        </div>`,
      );
      await wrap.querySelector('pk-dialog')!.show();
      expect(deepActive()?.id).to.equal('af');
    });

    it('opens modeless: no backdrop, the page stays usable', async () => {
      const d = await setup({ modeless: true });
      await openFromOpener(d);
      expect(d.native().open).to.equal(true);
      expect(d.native().matches(':modal')).to.equal(false);
      await clickAt(d.opener);
      expect(d.dialog.open).to.equal(true);
      expect(document.activeElement).to.equal(d.opener);
    });
  });

  describe('closing', () => {
    for (const [source, act] of [
      ['escape', async () => sendKeys({ press: 'Escape' })],
      ['outside', async () => sendMouse({ type: 'click', position: [3, 3] })],
      ['close-button', async (dialog: PkDialog) => clickAt(dialog.shadowRoot!.querySelector('[part="close-button"]')!)],
    ] as const) {
      it(`closes on ${source} through pk-request-close, and focus returns to the opener`, async () => {
        const d = await setup();
        await openFromOpener(d);
        const asked = oneEvent(d.dialog, 'pk-request-close') as Promise<PkRequestCloseEvent>;
        const hidden = oneEvent(d.dialog, 'pk-after-hide');
        await act(d.dialog);
        expect((await asked).detail.source).to.equal(source);
        await hidden;
        expect(d.dialog.open).to.equal(false);
        expect(d.dialog.hasAttribute('open')).to.equal(false);
        expect(d.native().open).to.equal(false);
        expect(document.activeElement).to.equal(d.opener);
      });

      it(`stays open on ${source} when pk-request-close is cancelled`, async () => {
        const d = await setup();
        await openFromOpener(d);
        const sources: string[] = [];
        d.dialog.addEventListener('pk-request-close', (e) => {
          sources.push(e.detail.source);
          e.preventDefault();
        });
        await act(d.dialog);
        await d.dialog.updateComplete;
        expect(sources).to.deep.equal([source]);
        expect(d.dialog.open).to.equal(true);
        expect(d.native().open).to.equal(true);
      });
    }

    it('does not close on a click inside', async () => {
      const d = await setup();
      await openFromOpener(d);
      let asked = 0;
      d.dialog.addEventListener('pk-request-close', () => asked++);
      await clickAt(d.dialog.querySelector('p')!);
      expect(asked).to.equal(0);
      expect(d.dialog.open).to.equal(true);
    });

    it('hide() closes without asking and fires pk-hide then pk-after-hide', async () => {
      const d = await setup();
      await openFromOpener(d);
      const events: string[] = [];
      for (const t of ['pk-request-close', 'pk-hide', 'pk-after-hide'])
        d.dialog.addEventListener(t, () => events.push(t));
      await d.dialog.hide();
      expect(events).to.deep.equal(['pk-hide', 'pk-after-hide']);
      expect(document.activeElement).to.equal(d.opener);
    });

    it('only Escape of the dialog reaches it, not the page under it', async () => {
      const d = await setup();
      await openFromOpener(d);
      let pageSaw = 0;
      const onKey = (e: KeyboardEvent) => e.key === 'Escape' && pageSaw++;
      document.addEventListener('keydown', onKey);
      const hidden = oneEvent(d.dialog, 'pk-after-hide');
      await sendKeys({ press: 'Escape' });
      await hidden;
      document.removeEventListener('keydown', onKey);
      expect(pageSaw).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('keeps Tab inside a modal dialog, both ways', async () => {
      const d = await setup();
      await openFromOpener(d);
      expect(deepActive()?.id).to.equal('note');
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.id).to.equal('cancel');
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.id).to.equal('ok');
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.getAttribute('part')).to.equal('close-button');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActive()?.id).to.equal('ok');
    });
  });

  describe('opened while closing, closed while opening', () => {
    /** Makes the opening motion last until the test is done with it, so that a key lands during it. */
    function slowMotion(): () => void {
      const animate = HTMLElement.prototype.animate;
      HTMLElement.prototype.animate = function (this: HTMLElement, keyframes, options) {
        return animate.call(this, keyframes, { ...(options as KeyframeAnimationOptions), duration: 600_000 });
      };
      return () => (HTMLElement.prototype.animate = animate);
    }
    const log = (dialog: PkDialog) => {
      const events: string[] = [];
      for (const t of ['pk-show', 'pk-after-show', 'pk-hide', 'pk-after-hide'])
        dialog.addEventListener(t, () => events.push(t));
      return events;
    };

    it('opens afresh when closed and opened again in one go: focus moves in, the opener is remembered', async () => {
      const d = await setup();
      // "Block" closes the dialog and opens it again for the next step, as a wizard does.
      d.wrap.querySelector('#ok')!.addEventListener('click', () => {
        void d.dialog.hide();
        void d.dialog.show();
      });
      await openFromOpener(d);
      const events = log(d.dialog);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.id).to.equal('ok');
      const shown = oneEvent(d.dialog, 'pk-after-show');
      await sendKeys({ press: 'Enter' });
      await shown;
      expect(events).to.deep.equal(['pk-hide', 'pk-after-hide', 'pk-show', 'pk-after-show']);
      expect(d.native().open).to.equal(true);
      expect(d.native().matches(':modal')).to.equal(true);
      expect(deepActive()?.id).to.equal('note');
      const hidden = oneEvent(d.dialog, 'pk-after-hide');
      await sendKeys({ press: 'Escape' });
      await hidden;
      expect(document.activeElement).to.equal(d.opener);
    });

    it('opens afresh from the page while a modeless dialog closes, and returns focus to the new opener', async () => {
      const d = await setup({ modeless: true });
      const again = document.createElement('button');
      again.textContent = 'Again';
      again.addEventListener('click', () => {
        d.dialog.open = false;
        d.dialog.open = true;
      });
      d.wrap.append(again);
      await openFromOpener(d);
      const events = log(d.dialog);
      again.focus();
      const shown = oneEvent(d.dialog, 'pk-after-show');
      await sendKeys({ press: 'Enter' });
      await shown;
      expect(events).to.deep.equal(['pk-hide', 'pk-after-hide', 'pk-show', 'pk-after-show']);
      expect(deepActive()?.id).to.equal('note');
      await d.dialog.hide();
      expect(document.activeElement).to.equal(again);
    });

    it('closes during the opening motion: the motion stops, focus returns, and pk-after-show never comes', async () => {
      const d = await setup();
      const restore = slowMotion();
      try {
        const events = log(d.dialog);
        d.opener.focus();
        const showing = oneEvent(d.dialog, 'pk-show');
        await sendKeys({ press: 'Enter' });
        await showing;
        expect(deepActive()?.id).to.equal('note');
        const opened = d.dialog.show();
        const hidden = oneEvent(d.dialog, 'pk-after-hide');
        await sendKeys({ press: 'Escape' });
        await hidden;
        // show() resolves: its opening ended, without finishing.
        await opened;
        expect(document.activeElement).to.equal(d.opener);
        expect(d.native().open).to.equal(false);
        expect(d.native().getAnimations()).to.have.length(0);
        // Opened again straight away, still in slow motion: focus moves in as on a first open.
        const again = oneEvent(d.dialog, 'pk-show');
        await sendKeys({ press: 'Enter' });
        await again;
        expect(deepActive()?.id).to.equal('note');
        await sendKeys({ press: 'Escape' });
        await d.dialog.updateComplete;
        expect(document.activeElement).to.equal(d.opener);
        expect(events).to.deep.equal(['pk-show', 'pk-hide', 'pk-after-hide', 'pk-show', 'pk-hide', 'pk-after-hide']);
      } finally {
        restore();
      }
    });
  });

  describe('motion', () => {
    it('skips the animation when the user prefers reduced motion', async () => {
      const d = await setup();
      const original = window.matchMedia;
      const animate = HTMLElement.prototype.animate;
      let animations = 0;
      window.matchMedia = (q: string) =>
        ({ ...original.call(window, q), matches: q.includes('reduce') }) as MediaQueryList;
      HTMLElement.prototype.animate = function (...args: Parameters<Element['animate']>) {
        animations++;
        return animate.apply(this, args);
      };
      try {
        await openFromOpener(d);
        await d.dialog.hide();
      } finally {
        window.matchMedia = original;
        HTMLElement.prototype.animate = animate;
      }
      expect(animations).to.equal(0);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations closed and open, light and dark', async () => {
      const d = await setup();
      await expect(d.wrap).to.be.accessible();
      await openFromOpener(d);
      await expect(d.wrap).to.be.accessible();
      document.documentElement.classList.add('pk-theme-dark');
      try {
        await expect(d.wrap).to.be.accessible();
      } finally {
        document.documentElement.classList.remove('pk-theme-dark');
      }
    });

    it('hides the footer while its slot is empty', async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <pk-dialog label="Info"><p>Just text.</p></pk-dialog>
        </div>`,
      );
      const dialog = wrap.querySelector('pk-dialog')!;
      await dialog.show();
      const footer = dialog.shadowRoot!.querySelector<HTMLElement>('[part="footer"]')!;
      expect(footer.hidden).to.equal(true);
      expect(deepActive()?.getAttribute('part')).to.equal('close-button');
    });
  });
});
