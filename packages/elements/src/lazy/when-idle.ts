// Work a page can do later: code loaded ahead of its first use, once the browser has nothing better to do.

/**
 * Runs `fn` when the browser is next idle, or after `timeout` ms at the latest (a page that is never idle, a long
 * decorate() say, still gets it done).
 */
export function whenIdle(fn: () => void, timeout = 3000): void {
  if (globalThis.requestIdleCallback) globalThis.requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 200);
}
