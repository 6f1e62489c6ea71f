import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// Only what a reporting page loads first: the menu must not be among it.
import '../components/observable/pk-observable.js';
import type { PkObservable } from '../components/observable/observable.js';
import { pivotMenuIfLoaded } from './pivot-menu.js';

describe('lazy pivot menu', () => {
  it('is not loaded with <pk-observable>, then is preloaded once the browser is idle', async () => {
    expect(customElements.get('pk-pivot-menu')).to.equal(undefined);
    expect(customElements.get('pk-dialog')).to.equal(undefined);
    expect(pivotMenuIfLoaded()).to.equal(undefined);
    const el = await fixture<PkObservable>(
      html`<pk-observable type="ip" value="203.0.113.9" no-enrich></pk-observable>`,
    );
    // Idle comes when nothing else runs; a condition, not a timer.
    await waitUntil(() => customElements.get('pk-pivot-menu'), 'the idle preload', { timeout: 8000 });
    expect(pivotMenuIfLoaded()).to.not.equal(undefined);
    // Once loaded, a click opens it without waiting for a module.
    el.pivotButton!.click();
    await waitUntil(() => document.querySelector('pk-pivot-menu')?.open, 'the menu opens');
    pivotMenuIfLoaded()!.closePivotMenu();
  });
});
