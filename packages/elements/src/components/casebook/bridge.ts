// What the casebook reads from the page-wide state: the client, the current case, case-change notifications.
// One file, so the element codes against one small surface.
import type { PivotkitClient } from '@pivotkit/sdk';
import { getClient, onClientChange } from '../../config.js';
import { getCurrentCaseId, setCurrentCaseId, CURRENT_CASE_KEY } from '../pivot-menu/current-case.js';

export interface CaseRef {
  id: string;
  title?: string;
}

export const pageClient = (): PivotkitClient | undefined => getClient();
export const subscribeClient = (fn: () => void): (() => void) => onClientChange(fn);

const caseListeners = new Set<() => void>();
export const currentCaseRef = {
  get(): CaseRef | null {
    const id = getCurrentCaseId();
    return id ? { id } : null;
  },
  set(ref: CaseRef | null): void {
    setCurrentCaseId(ref?.id ?? null);
    for (const l of caseListeners) l();
  },
  subscribe(fn: () => void): () => void {
    caseListeners.add(fn);
    const onStorage = (e: StorageEvent) => e.key === CURRENT_CASE_KEY && fn();
    window.addEventListener('storage', onStorage);
    return () => {
      caseListeners.delete(fn);
      window.removeEventListener('storage', onStorage);
    };
  },
};
