import { expect } from '@open-wc/testing';
import { writable } from './store.js';

describe('writable', () => {
  it('gives the value and tells subscribers of each change', () => {
    const s = writable(1);
    const seen: number[] = [];
    const off = s.subscribe((v) => seen.push(v));
    s.set(2);
    s.update((v) => v * 10);
    off();
    s.set(3);
    expect(seen).to.deep.equal([2, 20]);
    expect(s.get()).to.equal(3);
  });

  it('stays quiet when the value is equal, by Object.is or by the given equals', () => {
    const n = writable(1);
    let calls = 0;
    n.subscribe(() => calls++);
    n.set(1);
    expect(calls).to.equal(0);
    const o = writable({ id: 'a' }, { equals: (a, b) => a.id === b.id });
    o.subscribe(() => calls++);
    o.set({ id: 'a' });
    expect(calls).to.equal(0);
    o.set({ id: 'b' });
    expect(calls).to.equal(1);
  });

  it('keeps calling the other listeners when one throws', () => {
    const s = writable(0);
    const seen: number[] = [];
    const onerror = window.onerror;
    let reported: unknown;
    window.onerror = (_m, _s, _l, _c, e) => {
      reported = e;
      return true;
    };
    try {
      s.subscribe(() => {
        throw new Error('boom');
      });
      s.subscribe((v) => seen.push(v));
      s.set(1);
    } finally {
      window.onerror = onerror;
    }
    expect(seen).to.deep.equal([1]);
    expect((reported as Error).message).to.equal('boom');
  });

  it('lets a listener unsubscribe while being called', () => {
    const s = writable(0);
    const seen: string[] = [];
    const off = s.subscribe(() => {
      seen.push('a');
      off();
    });
    s.subscribe(() => seen.push('b'));
    s.set(1);
    s.set(2);
    expect(seen).to.deep.equal(['a', 'b', 'b']);
  });
});
