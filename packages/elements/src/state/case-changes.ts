import type { Casebook } from '@pivotkit/sdk';
import { onTabMessage, postToTabs } from './tab-channel.js';

/** "This case changed on the server": the casebook refetches, the ribbon's count follows. */
export interface CaseChange {
  caseId: string;
  kind: 'observables' | 'texts' | 'fields' | 'created' | 'deleted' | 'bundle';
  /** The case as the server returned it after the change, when the writer has it (saves a refetch). */
  casebook?: Casebook;
}

type Listener = (change: CaseChange) => void;
const listeners = new Set<Listener>();

function deliver(change: CaseChange) {
  for (const l of [...listeners]) {
    try {
      l(change);
    } catch (e) {
      reportError(e);
    }
  }
}

/** Case change notifications, in this tab and across the tabs of the origin. */
export const caseChanges: {
  emit(change: CaseChange): void;
  subscribe(listener: Listener): () => void;
} = {
  emit(change) {
    deliver(change);
    postToTabs({ kind: 'case-change', change });
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

onTabMessage((m) => {
  if (m.kind === 'case-change') deliver(m.change as CaseChange);
});
