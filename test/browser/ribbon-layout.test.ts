import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { ribbonLayout, ribbonView } from '../../packages/elements/src/state/ribbon-layout.js';
import { settings } from '../../packages/elements/src/state/settings.js';
import {
  appButton,
  centre,
  deepActive,
  expectFocused,
  expectSame,
  items,
  part,
  resetRibbonState,
  ribbonFixture,
  press,
  tabTo,
} from './ribbon-helpers.js';

describe('<pk-ribbon> layout and keyboard', () => {
  beforeEach(resetRibbonState);
  afterEach(() => resetMouse());

  describe('docking', () => {
    it('reserves its height at the end of the page, so the last content scrolls above the bar', async () => {
      const page = await fixture(
        html`<div>
          <div style="height: 150vh"></div>
          <p id="last">last line</p>
        </div>`,
      );
      const el = await ribbonFixture();
      page.after(el);
      await el.updateComplete;
      scrollTo(0, document.documentElement.scrollHeight);
      const last = page.querySelector('#last')!.getBoundingClientRect();
      const bar = part(el, 'bar').getBoundingClientRect();
      expect(bar.bottom).to.be.closeTo(innerHeight, 1);
      expect(last.bottom, 'the last line ends above the bar').to.be.at.most(bar.top + 0.5);
      expect(el.getBoundingClientRect().height).to.be.closeTo(bar.height, 1);
      expect(document.documentElement.style.scrollPaddingBottom).to.include('2.75rem');
      scrollTo(0, 0);
    });

    it('stays on top of the page’s z-index stacks and ignores its CSS resets', async () => {
      const page = await fixture(
        html`<div>
          <style>
            * {
              box-sizing: content-box;
              letter-spacing: 3px;
            }
            button {
              display: none !important;
            }
            div {
              color: red !important;
              font-size: 40px !important;
            }
          </style>
          <div style="position: fixed; inset: 0; z-index: 2147483647; background: rgb(0 0 0 / 0.5)"></div>
        </div>`,
      );
      const el = await ribbonFixture();
      page.after(el);
      await el.updateComplete;
      const toggle = part(el, 'toggle');
      expect(getComputedStyle(toggle).display).not.to.equal('none');
      expect(getComputedStyle(toggle).fontSize).to.equal('14px');
      // What a click at the bar's centre hits: the ribbon, not the page's full-screen layer.
      const [x, y] = centre(toggle);
      const hit = document.elementFromPoint(x, y);
      expectSame(hit, el, 'the element at the bar');
      expectSame(el.shadowRoot!.elementFromPoint(x, y)?.closest('[part~="toggle"]'), toggle);
    });
  });

  describe('toolbar', () => {
    it('is one tab stop; arrows move and wrap, Home and End jump', async () => {
      const el = await ribbonFixture();
      const all = items(el);
      expect(all.filter((b) => b.tabIndex === 0).length).to.equal(1);
      await tabTo(all[0]!);
      await sendKeys({ press: 'ArrowRight' });
      expectFocused(all[1]);
      await sendKeys({ press: 'End' });
      expectFocused(all.at(-1));
      await sendKeys({ press: 'ArrowRight' });
      expectFocused(all[0], 'wraps to the first');
      await sendKeys({ press: 'ArrowLeft' });
      expectFocused(all.at(-1), 'wraps to the last');
      await sendKeys({ press: 'Home' });
      expectFocused(all[0]);
      expect(all.filter((b) => b.tabIndex === 0).length).to.equal(1);
      expect(all[0]!.tabIndex).to.equal(0);
    });

    it('returns Tab to the item that had focus last', async () => {
      const el = await ribbonFixture();
      const all = items(el);
      await tabTo(all[0]!);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await press('Shift+Tab');
      expectFocused(part(el, 'handle'));
      await sendKeys({ press: 'Tab' });
      expectFocused(all[2]);
    });

    it('collapses to its toggle and expands again, remembering it', async () => {
      const el = await ribbonFixture();
      const toggle = part(el, 'toggle');
      await tabTo(toggle);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(items(el).length).to.equal(1);
      expectSame(items(el)[0], toggle);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(ribbonView.get().expanded).to.equal(false);
      expect(JSON.parse(sessionStorage.getItem('pk-ribbon-view')!).expanded).to.equal(false);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(items(el).length).to.be.greaterThan(3);
    });
  });

  describe('moving along the edge', () => {
    it('is a slider: arrows, Home and End move the bar, and the position is remembered', async () => {
      const el = await ribbonFixture();
      const handle = part(el, 'handle');
      expect(handle.getAttribute('role')).to.equal('slider');
      await tabTo(handle);
      const left0 = part(el, 'bar').getBoundingClientRect().left;
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(handle.getAttribute('aria-valuenow')).to.equal('5');
      expect(part(el, 'bar').getBoundingClientRect().left).to.be.greaterThan(left0);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(handle.getAttribute('aria-valuenow')).to.equal('100');
      expect(part(el, 'bar').getBoundingClientRect().right).to.be.closeTo(innerWidth, 1);
      expect(JSON.parse(localStorage.getItem('pk-ribbon-layout')!).offset).to.equal(1);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(part(el, 'bar').getBoundingClientRect().left).to.be.closeTo(0, 1);
    });

    it('follows a pointer drag of its handle', async () => {
      const el = await ribbonFixture();
      const handle = part(el, 'handle');
      const [x, y] = centre(handle);
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x + 200, y - 30] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(part(el, 'bar').getBoundingClientRect().left).to.be.closeTo(200, 2);
      expect(ribbonLayout.get().offset).to.be.greaterThan(0);
    });
  });

  describe('resizing the panel', () => {
    async function openHome() {
      const el = await ribbonFixture();
      await el.open('home');
      await el.updateComplete;
      return el;
    }

    it('is a window splitter: arrows resize, Home/End go to the limits, Enter collapses and restores', async () => {
      const el = await openHome();
      const splitter = part(el, 'splitter');
      const panel = part(el, 'panel');
      expect(splitter.getAttribute('role')).to.equal('separator');
      expect(splitter.getAttribute('aria-valuenow')).to.equal('420');
      expect(panel.getBoundingClientRect().height).to.be.closeTo(420, 1);
      splitter.focus();
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(splitter.getAttribute('aria-valuenow')).to.equal('436');
      expect(panel.getBoundingClientRect().height).to.be.closeTo(436, 1);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(splitter.getAttribute('aria-valuenow')).to.equal(splitter.getAttribute('aria-valuemin'));
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      const max = Number(splitter.getAttribute('aria-valuemax'));
      expect(Number(splitter.getAttribute('aria-valuenow'))).to.equal(max);
      expect(panel.getBoundingClientRect().top, 'never above the viewport').to.be.at.least(0);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(splitter.getAttribute('aria-valuenow')).to.equal('160');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(Number(splitter.getAttribute('aria-valuenow'))).to.equal(max);
      expect(ribbonLayout.get().height).to.equal(max);
    });

    it('follows a pointer drag of its top edge', async () => {
      const el = await openHome();
      const splitter = part(el, 'splitter');
      const [x, y] = centre(splitter);
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x, y + 100] });
      await sendMouse({ type: 'move', position: [x, y + 120] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(part(el, 'panel').getBoundingClientRect().height).to.be.closeTo(300, 2);
      expect(ribbonLayout.get().height).to.be.closeTo(300, 2);
    });
  });

  describe('the panel', () => {
    it('opens an app from its button, closes with Escape and gives focus back', async () => {
      const el = await ribbonFixture();
      const home = appButton(el, 'home');
      await tabTo(items(el)[0]!);
      for (let i = 0; i < 10 && deepActive() !== home; i++) await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.querySelector('pk-home'), 'Home loads');
      const panel = part(el, 'panel');
      expect(panel.matches(':popover-open')).to.equal(true);
      expect(home.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.querySelector('#panel-title')!.textContent).to.equal('Home');
      await waitUntil(
        () =>
          panel.contains(deepActive()) || el.shadowRoot!.querySelector('pk-home')!.shadowRoot!.contains(deepActive()),
        'focus in the panel',
      );
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(panel.matches(':popover-open')).to.equal(false);
      expectFocused(home);
      expect(ribbonView.get().openApp).to.equal(null);
    });
  });

  describe('keyboard shortcuts', () => {
    it('opens the casebook with its shortcut, but not while the page’s input has focus', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="page input" />`);
      const el = await ribbonFixture();
      input.focus();
      await press('Alt+Shift+KeyC');
      await el.updateComplete;
      expect(el.openApp, 'a page input keeps its keys').to.equal(null);
      (document.activeElement as HTMLElement).blur();
      await press('Alt+Shift+KeyC');
      await waitUntil(() => el.openApp === 'casebook', 'the casebook opens');
    });

    it('follows a shortcut changed in Settings', async () => {
      const el = await ribbonFixture();
      settings.set({ shortcuts: { ...settings.get().shortcuts, casebook: 'Alt+Shift+9' } });
      await press('Alt+Shift+KeyC');
      expect(el.openApp).to.equal(null);
      await press('Alt+Shift+Digit9');
      await waitUntil(() => el.openApp === 'casebook', 'the new shortcut opens it');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations expanded, collapsed and with Home open', async () => {
      const el = await ribbonFixture();
      await expect(el).to.be.accessible();
      el.toggle(false);
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.toggle(true);
      await el.open('home');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});
