// A stand-in SDK client for element tests that only counts what is asked: enrich.deliberate answers at
// once with one module's verdict per observable. For anything else, use the real emulator (emulator.ts).
import type { Disposition, Observable, ObservableVerdict, PivotkitClient } from '@pivotkit/sdk';
import { dispositionName } from '@pivotkit/sdk';

export interface CountingClient {
  client: PivotkitClient;
  /** Every batch passed to enrich.deliberate, in order. */
  calls: Observable[][];
  /** Resolves with the next batch asked for (or the oldest one not yet awaited). */
  nextCall(): Promise<Observable[]>;
  /** Resolves once every call made so far has answered. */
  settled(): Promise<void>;
}

export function countingClient(opts: { disposition?: (o: Observable) => Disposition } = {}): CountingClient {
  const calls: Observable[][] = [];
  const unread: Observable[][] = [];
  const waiters: ((b: Observable[]) => void)[] = [];
  const pending: Promise<unknown>[] = [];
  const verdictOf = (o: Observable): ObservableVerdict => {
    const d = opts.disposition?.(o) ?? 5;
    const name = dispositionName(d);
    return {
      observable: o,
      disposition: d,
      dispositionName: name,
      modules: [{ module: 'Test module', moduleInstanceId: 'test', disposition: d, dispositionName: name }],
      conflict: false,
    };
  };
  const deliberate = (obs: Observable[]) => {
    calls.push(obs);
    const w = waiters.shift();
    if (w) w(obs);
    else unread.push(obs);
    const verdicts = obs.map(verdictOf);
    const p = Promise.resolve({
      modules: [],
      errors: [],
      verdicts,
      verdictFor: (o: Observable) =>
        verdicts.find((v) => v.observable.type === o.type && v.observable.value === o.value),
    });
    pending.push(p);
    return p;
  };
  const client = {
    session: undefined,
    can: () => true,
    missingScopes: () => [],
    enrich: { deliberate },
  } as unknown as PivotkitClient;
  return {
    client,
    calls,
    nextCall: () => {
      const b = unread.shift();
      return b ? Promise.resolve(b) : new Promise((r) => waiters.push(r));
    },
    settled: async () => {
      await Promise.all(pending);
      // Let the scheduler hand the answers to the elements (a microtask after each call resolves).
      await Promise.resolve();
    },
  };
}
