import { expect, waitUntil } from '@open-wc/testing';
import type { Casebook, PivotkitClient } from '@pivotkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { currentCase } from '../../state/current-case.js';
import { session } from '../../state/session.js';
import { CaseCountController } from './case-count-controller.js';

/** A host that runs its controllers' hostUpdate on every requested update, as a LitElement does before it renders. */
function host() {
  const controllers: ReactiveController[] = [];
  let pending = false;
  const h: ReactiveControllerHost & { updates: number } = {
    updates: 0,
    addController: (c) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate() {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        h.updates++;
        for (const c of controllers) c.hostUpdate?.();
      });
    },
    get updateComplete() {
      return Promise.resolve(true);
    },
  };
  return h;
}

type Fetch = { id: string; signal: AbortSignal; resolve: (cb: Casebook) => void; reject: (e: unknown) => void };

/** A signed-in client whose case reads wait until the test answers them. */
function slowClient() {
  const fetches: Fetch[] = [];
  const client = {
    session: { scopes: ['casebook'], expiresAt: Date.now() + 60_000, clientId: 'test' },
    casebooks: {
      get: (id: string, { signal }: { signal: AbortSignal }) =>
        new Promise<Casebook>((resolve, reject) => fetches.push({ id, signal, resolve, reject })),
    },
  } as unknown as PivotkitClient;
  return { client, fetches };
}

const caseWith = (id: string, n: number): Casebook =>
  ({
    id,
    title: id,
    observables: Array.from({ length: n }, (_, i) => ({ type: 'ip', value: `203.0.113.${i}` })),
  }) as unknown as Casebook;

describe('CaseCountController', () => {
  let count: CaseCountController | undefined;
  afterEach(() => {
    count?.hostDisconnected(); // a failed test leaves no controller following the next one's session
    session.setClient(undefined);
    currentCase.set(null);
  });

  it('fetches the current case once per change, aborts the fetch it replaces and ignores its late reply', async () => {
    const { client, fetches } = slowClient();
    session.setClient(client);
    currentCase.set({ id: 'case-a' });
    const h = host();
    const c = (count = new CaseCountController(h));
    c.hostConnected();
    h.requestUpdate();
    await waitUntil(() => fetches.length === 1, 'the first fetch');
    expect(fetches[0]!.id).to.equal('case-a');
    expect(c.count).to.equal(undefined);
    // Another update with the same client and case fetches nothing more.
    h.requestUpdate();
    await h.updateComplete;
    await Promise.resolve();
    expect(fetches.length).to.equal(1);

    currentCase.set({ id: 'case-b' });
    await waitUntil(() => fetches.length === 2, 'the fetch of the new current case');
    expect(fetches[0]!.signal.aborted).to.equal(true);
    expect(fetches[1]!.id).to.equal('case-b');
    fetches[1]!.resolve(caseWith('case-b', 3));
    await waitUntil(() => c.count === 3, 'case-b’s count');
    // The replaced fetch answers late: it does not count.
    fetches[0]!.resolve(caseWith('case-a', 7));
    await new Promise((r) => setTimeout(r, 0));
    expect(c.count).to.equal(3);

    // Signed out: no count, and no fetch.
    session.setClient(undefined);
    await waitUntil(() => c.count === undefined, 'no count signed out');
    expect(fetches.length).to.equal(2);
  });

  it('has no count while a fetch fails', async () => {
    const { client, fetches } = slowClient();
    session.setClient(client);
    currentCase.set({ id: 'case-c' });
    const h = host();
    const c = (count = new CaseCountController(h));
    c.hostConnected();
    h.requestUpdate();
    await waitUntil(() => fetches.length === 1, 'the fetch');
    const before = h.updates;
    fetches[0]!.reject(new Error('offline'));
    await waitUntil(() => h.updates > before, 'an update after the failure');
    expect(c.count).to.equal(undefined);
  });
});
