import { expect, waitUntil } from '@open-wc/testing';
import { CURRENT_CASE_KEY, caseTitles, currentCase, type CaseRef } from './current-case.js';
import { caseChanges, type CaseChange } from './case-changes.js';
import { openOtherTab, type OtherTab } from '../test-helpers/two-tabs.js';

describe('current case', () => {
  let other: OtherTab | undefined;
  afterEach(() => {
    other?.close();
    other = undefined;
    currentCase.set(null);
  });

  it('keeps only the id in localStorage and tells subscribers', () => {
    const seen: (CaseRef | null)[] = [];
    const off = currentCase.subscribe((r) => seen.push(r));
    currentCase.set({ id: 'casebook-1', title: 'Phishing wave' });
    off();
    expect(localStorage.getItem(CURRENT_CASE_KEY)).to.equal('casebook-1');
    expect(currentCase.get()).to.deep.equal({ id: 'casebook-1', title: 'Phishing wave' });
    expect(caseTitles.get('casebook-1')).to.equal('Phishing wave');
    expect(seen).to.deep.equal([{ id: 'casebook-1', title: 'Phishing wave' }]);
  });

  it('follows a page that wrote the storage key itself', () => {
    localStorage.setItem(CURRENT_CASE_KEY, 'casebook-raw');
    expect(currentCase.get()?.id).to.equal('casebook-raw');
  });

  it('gets the title once it becomes known', () => {
    currentCase.set({ id: 'casebook-late' });
    expect(currentCase.get()?.title).to.equal(undefined);
    caseTitles.remember('casebook-late', 'Late title');
    expect(currentCase.get()).to.deep.equal({ id: 'casebook-late', title: 'Late title' });
  });

  it('follows a change made in another tab, without a reload', async () => {
    other = await openOtherTab();
    const seen: (CaseRef | null)[] = [];
    const off = currentCase.subscribe((r) => seen.push(r));
    other.mod.currentCase.set({ id: 'casebook-2', title: 'From the other tab' });
    await waitUntil(() => currentCase.get()?.title === 'From the other tab', 'the other tab’s case');
    off();
    expect(currentCase.get()).to.deep.equal({ id: 'casebook-2', title: 'From the other tab' });
    expect(seen.at(-1)).to.deep.equal({ id: 'casebook-2', title: 'From the other tab' });
  });

  it('tells the other tab when this one changes or clears the current case', async () => {
    other = await openOtherTab();
    const theirs = other.mod;
    currentCase.set({ id: 'casebook-3', title: 'Mine' });
    // The id comes by the storage event, the title by the channel: either may be first.
    await waitUntil(() => theirs.currentCase.get()?.title === 'Mine', 'the case in the other tab');
    expect(theirs.currentCase.get()?.id).to.equal('casebook-3');
    currentCase.set(null);
    await waitUntil(() => theirs.currentCase.get() === null, 'cleared in the other tab');
  });

  it('shares known case titles with the other tab', async () => {
    other = await openOtherTab();
    const theirs = other.mod;
    let told = 0;
    const off = theirs.caseTitles.subscribe(() => told++);
    caseTitles.remember('casebook-4', 'Shared title');
    await waitUntil(() => theirs.caseTitles.get('casebook-4') === 'Shared title', 'the title in the other tab');
    off();
    expect(told).to.equal(1);
  });
});

describe('case changes', () => {
  it('reach listeners in this tab and in the other tab', async () => {
    const other = await openOtherTab();
    try {
      const here: CaseChange[] = [];
      const there: CaseChange[] = [];
      const offHere = caseChanges.subscribe((c) => here.push(c));
      const offThere = other.mod.caseChanges.subscribe((c) => there.push(c));
      caseChanges.emit({ caseId: 'casebook-5', kind: 'observables' });
      expect(here).to.deep.equal([{ caseId: 'casebook-5', kind: 'observables' }]);
      await waitUntil(() => there.length === 1, 'the change in the other tab');
      expect(there[0]).to.deep.equal({ caseId: 'casebook-5', kind: 'observables' });
      // And back: the other tab's change reaches this one once, not echoed.
      other.mod.caseChanges.emit({ caseId: 'casebook-5', kind: 'deleted' });
      await waitUntil(() => here.length === 2, 'the other tab’s change here');
      expect(there).to.have.length(2);
      offHere();
      offThere();
    } finally {
      other.close();
    }
  });
});
