// One pair of live regions for the whole page (every element announces through them), created on first use.
const regions = new Map<'polite' | 'assertive', HTMLElement>();

function region(politeness: 'polite' | 'assertive'): HTMLElement {
  let el = regions.get(politeness);
  if (el?.isConnected) return el;
  el = document.createElement('div');
  el.dataset.pkAnnouncer = politeness;
  el.setAttribute('role', politeness === 'assertive' ? 'alert' : 'status');
  el.setAttribute('aria-live', politeness);
  el.setAttribute('aria-atomic', 'true');
  // Visually hidden, but read: not display:none.
  el.style.cssText =
    'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0';
  document.body.append(el);
  regions.set(politeness, el);
  return el;
}

/**
 * Tells screen-reader users about a result ("Added to case X", "Blocked evil.com") through the page's shared
 * live region. The message is text, never HTML. Each call inserts a new node, so that saying the same thing
 * twice is announced twice.
 */
export function announce(message: string, opts: { assertive?: boolean } = {}): void {
  const el = region(opts.assertive ? 'assertive' : 'polite');
  const span = document.createElement('span');
  span.textContent = message;
  el.replaceChildren(span);
}

/** The text the shared live region holds now (for tests and for hosts that mirror it). */
export function lastAnnouncement(opts: { assertive?: boolean } = {}): string {
  return regions.get(opts.assertive ? 'assertive' : 'polite')?.textContent ?? '';
}
