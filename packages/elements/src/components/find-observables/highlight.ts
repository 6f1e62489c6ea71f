/**
 * Highlights matches on the host page with the CSS Custom Highlight API: ranges registered in `CSS.highlights`
 * and painted by `::highlight()` rules in a constructed stylesheet adopted by the document. The page's DOM and
 * layout are never touched (no wrapping element, no style element, no attribute).
 * @module
 */
import { matchRange, type DomMatch } from '@pivotkit/sdk/detect';

/** Name of the highlight of every selected finding. */
export const HIGHLIGHT_ALL = 'pk-found';
/** Name of the highlight of the one shown with "show on page". */
export const HIGHLIGHT_CURRENT = 'pk-found-current';

let sheet: CSSStyleSheet | undefined;

/** Whether this browser has the CSS Custom Highlight API. */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function adoptSheet(doc: Document): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    // System colours so that the marks follow the page's forced-colours mode; the current one is also outlined
    // by its stronger background.
    sheet.replaceSync(
      `::highlight(${HIGHLIGHT_ALL}) { background-color: rgb(255 213 0 / 0.45); color: inherit; }\n` +
        `::highlight(${HIGHLIGHT_CURRENT}) { background-color: Highlight; color: HighlightText; }`,
    );
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Marks these matches on their page (replacing the previous marks); an empty list clears them. */
export function highlightMatches(matches: readonly DomMatch[]): void {
  if (!highlightsSupported()) return;
  const ranges: Range[] = [];
  for (const m of matches) if (m.startNode.isConnected && m.endNode.isConnected) ranges.push(matchRange(m));
  if (ranges.length === 0) {
    CSS.highlights.delete(HIGHLIGHT_ALL);
    return;
  }
  adoptSheet(matches[0]!.startNode.ownerDocument);
  CSS.highlights.set(HIGHLIGHT_ALL, new Highlight(...ranges));
}

/**
 * Scrolls one match into view and marks it as the current one. Returns `false` when it left the page.
 * Scrolling goes through the match's element (`scrollIntoView`), which scrolls every scrollable ancestor.
 */
export function showMatch(match: DomMatch, opts: { smooth?: boolean } = {}): boolean {
  if (!match.startNode.isConnected || !match.endNode.isConnected) return false;
  const el = match.startNode.parentElement;
  el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: opts.smooth ? 'smooth' : 'instant' });
  if (highlightsSupported()) {
    adoptSheet(match.startNode.ownerDocument);
    CSS.highlights.set(HIGHLIGHT_CURRENT, new Highlight(matchRange(match)));
  }
  return true;
}

/** Removes every mark this module made. */
export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  CSS.highlights.delete(HIGHLIGHT_ALL);
  CSS.highlights.delete(HIGHLIGHT_CURRENT);
}
