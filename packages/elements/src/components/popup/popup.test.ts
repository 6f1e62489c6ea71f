import { expect, fixture, html } from '@open-wc/testing';
import './pk-popup.js';
import type { PkPopup } from './popup.js';

const positioned = (p: PkPopup) =>
  new Promise<void>((resolve) => requestAnimationFrame(() => p.reposition().then(resolve)));

describe('pk-popup', () => {
  describe('anchoring', () => {
    it('floats below its anchor, set as a property, in the top layer', async () => {
      const root = await fixture<HTMLDivElement>(
        html`<div style="padding: 40px">
          <button>anchor</button><pk-popup><div style="width: 100px; height: 50px">content</div></pk-popup>
        </div>`,
      );
      const button = root.querySelector('button')!;
      const popup = root.querySelector('pk-popup')!;
      popup.anchor = button;
      popup.open = true;
      await popup.updateComplete;
      await positioned(popup);
      expect(popup.matches(':popover-open')).to.equal(true);
      const a = button.getBoundingClientRect();
      const p = popup.getBoundingClientRect();
      expect(Math.round(p.top)).to.equal(Math.round(a.bottom + popup.distance));
      expect(Math.round(p.left)).to.equal(Math.round(a.left));
    });

    it('finds its anchor by id with for=', async () => {
      const root = await fixture<HTMLDivElement>(
        html`<div style="padding: 80px 120px">
          <button id="pop-anchor">anchor</button><pk-popup for="pop-anchor" placement="right" open>x</pk-popup>
        </div>`,
      );
      const popup = root.querySelector('pk-popup')!;
      await popup.updateComplete;
      await positioned(popup);
      expect(popup.anchorElement).to.equal(root.querySelector('button'));
      expect(Math.round(popup.getBoundingClientRect().left)).to.equal(
        Math.round(root.querySelector('button')!.getBoundingClientRect().right + popup.distance),
      );
    });

    it('flips above the anchor when there is no room below, and says how much height is left', async () => {
      const root = await fixture<HTMLDivElement>(
        html`<div style="position: fixed; bottom: 10px; left: 10px">
          <button>anchor</button><pk-popup><div style="width: 100px; height: 120px">tall</div></pk-popup>
        </div>`,
      );
      const popup = root.querySelector('pk-popup')!;
      popup.anchor = root.querySelector('button')!;
      popup.open = true;
      await popup.updateComplete;
      await positioned(popup);
      expect(popup.dataset['placement']).to.equal('top-start');
      expect(popup.getBoundingClientRect().bottom).to.be.at.most(
        root.querySelector('button')!.getBoundingClientRect().top,
      );
      expect(popup.style.getPropertyValue('--auto-size-available-height')).to.match(/^\d+(\.\d+)?px$/);
    });
  });

  describe('closed', () => {
    it('is hidden and leaves the top layer when closed', async () => {
      const root = await fixture<HTMLDivElement>(html`<div><button>a</button><pk-popup>content</pk-popup></div>`);
      const popup = root.querySelector('pk-popup')!;
      popup.anchor = root.querySelector('button')!;
      popup.open = true;
      await popup.updateComplete;
      popup.open = false;
      await popup.updateComplete;
      expect(popup.matches(':popover-open')).to.equal(false);
      expect(getComputedStyle(popup).display).to.equal('none');
    });

    it('listens to scrolling and resizing only while open', async () => {
      const root = await fixture<HTMLDivElement>(
        html`<div style="padding: 20px"><button>a</button><pk-popup>content</pk-popup></div>`,
      );
      const popup = root.querySelector('pk-popup')!;
      popup.anchor = root.querySelector('button')!;
      // Count the scroll/resize listeners that are attached at any moment.
      const live = new Set<unknown>();
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: unknown, o?: unknown) {
        if (type === 'scroll' || type === 'resize') live.add(fn);
        return add.call(this, type, fn as EventListener, o as AddEventListenerOptions);
      } as typeof add;
      EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, fn: unknown, o?: unknown) {
        if (type === 'scroll' || type === 'resize') live.delete(fn);
        return remove.call(this, type, fn as EventListener, o as EventListenerOptions);
      } as typeof remove;
      try {
        popup.open = true;
        await popup.updateComplete;
        expect(live.size).to.be.greaterThan(0);
        popup.open = false;
        await popup.updateComplete;
        expect(live.size).to.equal(0);
      } finally {
        EventTarget.prototype.addEventListener = add;
        EventTarget.prototype.removeEventListener = remove;
      }
    });

    it('is accessible', async () => {
      const root = await fixture<HTMLDivElement>(html`<div><button>a</button><pk-popup open>content</pk-popup></div>`);
      await expect(root).to.be.accessible();
    });
  });
});
