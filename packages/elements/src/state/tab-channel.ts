/**
 * Messages between tabs (and frames) of the same origin. One `BroadcastChannel` for the whole library; where
 * there is none (old WebViews), a `storage` event on a scratch key carries the message instead.
 * A tab never receives its own messages.
 */
export type TabMessage =
  | { kind: 'current-case'; ref: { id: string; title?: string } | null }
  | { kind: 'case-title'; id: string; title: string }
  | { kind: 'case-change'; change: unknown }
  | { kind: 'sign-out'; forget: boolean };

const NAME = 'pivotkit';
const FALLBACK_KEY = 'pk-tab-message';
type Listener = (message: TabMessage) => void;

const listeners = new Set<Listener>();
let channel: BroadcastChannel | undefined;
let started = false;

function deliver(message: TabMessage) {
  for (const l of [...listeners]) {
    try {
      l(message);
    } catch (e) {
      reportError(e);
    }
  }
}

function start() {
  if (started) return;
  started = true;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(NAME);
    channel.onmessage = (e: MessageEvent<TabMessage>) => deliver(e.data);
  } else {
    addEventListener('storage', (e) => {
      if (e.key !== FALLBACK_KEY || !e.newValue) return;
      try {
        deliver((JSON.parse(e.newValue) as { m: TabMessage }).m);
      } catch {
        // Not ours.
      }
    });
  }
}

/** Sends `message` to the other tabs of this origin. */
export function postToTabs(message: TabMessage): void {
  start();
  if (channel) {
    channel.postMessage(message);
    return;
  }
  try {
    // The nonce makes the value differ each time, so that a repeated message still fires `storage`.
    localStorage.setItem(FALLBACK_KEY, JSON.stringify({ m: message, n: Math.random() }));
    localStorage.removeItem(FALLBACK_KEY);
  } catch {
    // Storage disabled: this tab is on its own.
  }
}

/** Calls `listener` with every message other tabs send; returns the unsubscribe function. */
export function onTabMessage(listener: Listener): () => void {
  start();
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
