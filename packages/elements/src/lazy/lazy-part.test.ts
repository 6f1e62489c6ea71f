import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { LazyPart } from './lazy-part.js';

function host() {
  let updates = 0;
  const h = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  } satisfies ReactiveControllerHost;
  return { h, updates: () => updates };
}

describe('LazyPart', () => {
  it('makes the part once, however often it is asked for', async () => {
    const { h, updates } = host();
    let made = 0;
    const part = new LazyPart(h, async () => ({ n: ++made }));
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).to.equal(b);
    expect(await part.load()).to.equal(a);
    expect(made).to.equal(1);
    expect(part.value).to.equal(a);
    expect(part.loading).to.equal(false);
    expect(updates(), 're-rendered when it arrived').to.equal(1);
  });

  it('keeps a failed load as failed, and tries again on the next load', async () => {
    const { h, updates } = host();
    let fail = true;
    const part = new LazyPart(h, async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return 'part';
    });
    expect(await part.load()).to.equal(undefined);
    expect(part.failed).to.equal(true);
    expect(part.loading).to.equal(false);
    expect(updates()).to.equal(1);
    fail = false;
    const retry = part.load();
    expect(part.failed, 'a retry clears the failure while it loads').to.equal(false);
    expect(part.loading).to.equal(true);
    expect(await retry).to.equal('part');
    expect(part.failed).to.equal(false);
    expect(updates()).to.equal(3);
  });
});
