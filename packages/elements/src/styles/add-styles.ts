import { adoptStyles, supportsAdoptingStyleSheets, type CSSResultOrNative, type ReactiveElement } from 'lit';

/**
 * Adds styles to an element's shadow root after the element was created: for a controller loaded with import()
 * after its host (the casebook's case view, the ribbon's app panel), whose styles come with its code instead of
 * with the element's `static styles`. Each sheet is added once, after those already there, so that it wins over
 * the element's own rules as it would as the last of its `static styles`.
 */
export function addStyles(host: ReactiveElement, styles: readonly CSSResultOrNative[]): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) throw new TypeError('addStyles: the element renders into no shadow root');
  if (supportsAdoptingStyleSheets) {
    const sheets = styles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet!));
    const fresh = sheets.filter((s, i) => !root.adoptedStyleSheets.includes(s) && sheets.indexOf(s) === i);
    if (fresh.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...fresh];
    return;
  }
  // No constructable stylesheets: lit's own fallback, <style> elements (with the page's nonce), appended once.
  const added = fallbackAdded.get(root) ?? new Set<CSSResultOrNative>();
  fallbackAdded.set(root, added);
  const fresh = styles.filter((s) => !added.has(s));
  for (const s of fresh) added.add(s);
  if (fresh.length) adoptStyles(root, fresh);
}

const fallbackAdded = new WeakMap<ShadowRoot, Set<CSSResultOrNative>>();
