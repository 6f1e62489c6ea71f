import { detectInto, resolveOptions, type Sink } from './text.js';
import type { ObservableType } from '../observable.js';
import type { Confidence, DetectedObservable, DetectOptions } from './types.js';

/** An observable found in the DOM: where it starts and ends, as text nodes and offsets. */
export interface DomMatch extends Omit<DetectedObservable, 'start' | 'end'> {
  /**
   * The text nodes the match spans, in document order (more than one for `evil-<b>update</b>.com`). On matches
   * from scanDom it is an accessor (made on first read), not an own enumerable property.
   */
  nodes: Text[];
  /** Text node holding the first character of the match. */
  startNode: Text;
  /** Offset of the match in `startNode.data`. */
  startOffset: number;
  /** Text node holding the last character of the match. */
  endNode: Text;
  /** Offset just past the match in `endNode.data`. */
  endOffset: number;
}

/** What one slice of a DOM scan did; passed to `onChunk`. */
export interface ScanProgress {
  /** Text nodes read in this slice. */
  textNodes: number;
  /** Characters read in this slice. */
  chars: number;
  /** Matches found in this slice. */
  matches: DomMatch[];
  /** Time the slice took, in ms, from the end of the previous yield to this call. */
  elapsedMs: number;
}

/** Options of {@link scanDom}. */
export interface ScanDomOptions extends DetectOptions {
  /** Stops the scan; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest stretch of work before yielding to the main thread, in ms. @default 8 */
  sliceMs?: number;
  /** Called after each slice, before yielding. */
  onChunk?: (progress: ScanProgress) => void;
}

/** Options of {@link watchDom}. */
export type WatchDomOptions = Omit<ScanDomOptions, 'onChunk'> & {
  /** Called after each slice of the first scan and of every incremental scan. */
  onChunk?: (progress: ScanProgress) => void;
};

/** Elements whose text is never scanned: code, hidden templates and form fields the user types into. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'input', 'textarea', 'select']);
/** Opt-out attribute: nothing inside an element that has it is scanned. */
const IGNORE = 'data-pk-ignore';
/**
 * Phrasing elements whose text runs on with its neighbours: `evil-<b>update</b>.com` is read as one string.
 * Any other element starts a new run, so cells, list items and `<br>` never glue words together.
 */
const INLINE = new Set(
  'a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small span strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** Text nodes longer than this are detected piece by piece between yields. */
const BIG_TEXT = 65536;

/**
 * The only elements that can host a shadow root (DOM spec, attachShadow): custom elements (a `-` in the name)
 * and these. Asking any other element for `shadowRoot` is a wasted call: a table has none of these per cell.
 */
const SHADOW_HOSTS = 'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(
  ' ',
);

/** Element kinds by tag name, as bits; a name not in the map is a block that starts a new run. */
const INLINE_KIND = 1;
const SKIP_KIND = 2;
const HOST_KIND = 4;
const KIND = new Map<string, number>();
for (const t of INLINE) KIND.set(t, INLINE_KIND);
for (const t of SKIP) KIND.set(t, SKIP_KIND);
for (const t of SHADOW_HOSTS) KIND.set(t, (KIND.get(t) ?? 0) | HOST_KIND);

function skipElement(el: Element, kind = KIND.get(el.localName) ?? 0): boolean {
  if (kind & SKIP_KIND) return true;
  if (!el.hasAttributes()) return false; // one call instead of two for the bare cells of a big table
  if (el.hasAttribute(IGNORE)) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** Whether `node` sits inside something that is never scanned (crossing shadow boundaries). */
function insideSkipped(node: Node): boolean {
  for (let p: Node | null = node.parentNode; p;) {
    if (p.nodeType === 1 && skipElement(p as Element)) return true;
    p = p.nodeType === 11 ? ((p as ShadowRoot).host ?? null) : p.parentNode;
  }
  return false;
}

/** Nearest ancestor of `node` that is not an inline element (a fragment or document has no localName: it stops). */
function container(node: Node): Node | null {
  let c = node.parentNode;
  while (c && (KIND.get((c as Element).localName) ?? 0) & INLINE_KIND) c = c.parentNode;
  return c;
}

/** Whether two text nodes with only inline elements entered between them are in one run of text. */
function sameRun(a: Text, b: Text): boolean {
  return a.parentNode === b.parentNode || container(a) === container(b);
}

/** Yields to the main thread: `scheduler.yield()` where present, else a MessageChannel task, else a timer. */
function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The scan was aborted.', 'AbortError');
}

interface Internal {
  /** Text nodes already scanned (watch mode): skipped. */
  seen?: WeakSet<Text>;
  /** Called for each open shadow root met (watch mode observes it). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Do not keep every match for the promise (watch mode hands them out slice by slice). */
  noCollect?: boolean;
}

/**
 * A match as the scanner builds it: a class, so every match has one shape (the optimizing compiler then allocates
 * and reads them with fixed offsets), `raw` always present, maybe `undefined`. Most matches lie in one text node:
 * their `nodes` array is made on first read (a getter), not for each of the many matches nobody highlights.
 */
class Found implements DomMatch {
  raw: string | undefined;
  #nodes: Text[] | undefined;
  constructor(
    public type: ObservableType,
    public value: string,
    public confidence: Confidence,
    raw: string | undefined,
    nodes: Text[] | undefined,
    public startNode: Text,
    public startOffset: number,
    public endNode: Text,
    public endOffset: number,
  ) {
    this.raw = raw;
    this.#nodes = nodes;
  }

  get nodes(): Text[] {
    return (this.#nodes ??= [this.startNode]);
  }

  set nodes(nodes: Text[]) {
    this.#nodes = nodes;
  }
}

/** Block boundaries between clock reads: reading `performance.now()` costs more than a boundary. */
const CLOCK_EVERY = 64;

/** Scans `roots` one after another in time slices; resolves with every match. */
async function scanRoots(roots: readonly Node[], options: ScanDomOptions, internal: Internal): Promise<DomMatch[]> {
  const want = resolveOptions(options);
  const { signal, onChunk } = options;
  const sliceMs = options.sliceMs ?? 8;
  const all: DomMatch[] = [];
  const collect = !internal.noCollect;
  const seen = internal.seen;

  // The current chunk: text of the nodes, joined; a `\n` between runs so no match crosses one. The arrays are
  // reused from chunk to chunk: `count` entries of `nodes`/`starts` are live, `nParts` of `parts`.
  const parts: string[] = [];
  let nParts = 0;
  const nodes: Text[] = [];
  const starts: number[] = [];
  let count = 0;
  let pos = 0;
  let textNodes = 0;
  // The text node added last in this chunk (null at a chunk's start): a run boundary is looked for between it and
  // the next one only when no block element was entered in between (see addText).
  let lastText: Text | null = null;
  let pendingBreak = false;

  // Matches and counts of the current slice.
  let matches: DomMatch[] = [];
  let chars = 0;

  /**
   * Index of the node holding chunk offset `off`. Matches come in order, so this steps forward from the last
   * answer; a nested match that starts further back falls back to a binary search.
   */
  let cursor = 0;
  function locate(off: number): number {
    let i = cursor;
    if (starts[i]! > off) {
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= off) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
    }
    while (i + 1 < count && starts[i + 1]! <= off) i++;
    return (cursor = i);
  }

  const sink: Sink = (type, value, start, end, low, raw) => {
    const a = locate(start);
    const b = a + 1 < count && starts[a + 1]! < end ? locate(end - 1) : a;
    const startNode = nodes[a]!;
    const endNode = a === b ? startNode : nodes[b]!;
    const dm = new Found(
      type,
      value,
      low ? 'low' : 'high',
      raw,
      a === b ? undefined : nodes.slice(a, b + 1),
      startNode,
      start - starts[a]!,
      endNode,
      end - starts[b]!,
    );
    matches.push(dm);
    if (collect) all.push(dm);
  };

  /** Runs detection over the buffered text (a few kB at a time, so a slice stays short). */
  function detectPending(): void {
    if (nParts) {
      if (parts.length > nParts) parts.length = nParts;
      const text = nParts === 1 ? parts[0]! : parts.join('');
      detectInto(text, want, [], sink);
      chars += text.length;
    }
    nParts = 0;
    count = 0;
    cursor = 0;
    pos = 0;
    lastText = null;
  }

  /** Ends a slice: detection over what is left, then `onChunk`. */
  function flush(): void {
    detectPending();
    // Let go of the nodes of the last chunk.
    nodes.length = 0;
    starts.length = 0;
    parts.length = 0;
    const progress: ScanProgress = { textNodes, chars, matches, elapsedMs: performance.now() - sliceStart };
    matches = [];
    chars = 0;
    textNodes = 0;
    onChunk?.(progress);
  }

  /**
   * Adds a text node to the chunk; returns its data when it is too big for one slice (see bigText).
   *
   * Runs: the walk sets `pendingBreak` when it enters any non-inline element, so most boundaries (every table
   * cell) cost nothing here. Without one, the two text nodes are in one run when they have one parent, or when their
   * nearest non-inline ancestors are the same (`a<b>x</b>y`); not when the walk left a block in between
   * (`<div><p>a</p>b</div>`).
   */
  function addText(t: Text): string | undefined {
    if (seen) {
      if (seen.has(t)) return;
      seen.add(t);
    }
    const data = t.data;
    const len = data.length;
    if (len > BIG_TEXT) return data;
    if (pos > 0 && (pendingBreak || (lastText !== null && !sameRun(lastText, t)))) {
      parts[nParts++] = '\n';
      pos++;
    }
    pendingBreak = false;
    textNodes++;
    if (len === 0) return;
    lastText = t;
    parts[nParts++] = data;
    nodes[count] = t;
    starts[count++] = pos;
    pos += len;
  }

  /**
   * A text node too big for one slice (a log in a `<pre>`): detection runs on pieces cut at whitespace, which
   * no match crosses, with yields in between. The node is a run of its own: it is not joined to inline
   * neighbours.
   */
  async function bigText(t: Text, data: string): Promise<void> {
    detectPending();
    textNodes++;
    for (let s = 0; s < data.length;) {
      let e = Math.min(data.length, s + BIG_TEXT / 2);
      while (e < data.length && data.charCodeAt(e) > 32) e++;
      parts[0] = data.slice(s, e);
      nParts = 1;
      nodes[0] = t;
      starts[0] = -s; // offsets in the piece, shifted back to offsets in the node
      count = 1;
      pos = e - s;
      detectPending();
      s = e;
      if (performance.now() >= deadline) await pause();
    }
    pendingBreak = true;
  }

  let sliceStart = performance.now();
  let deadline = sliceStart + sliceMs;
  let sinceCheck = 0;

  /**
   * At a run boundary (no match can span it): detects over the buffer once it holds 8 K characters, and tells
   * whether the slice is used up (the clock is read after a detection, or every CLOCK_EVERY boundaries).
   */
  function sliceDone(): boolean {
    if (pos >= 8192) {
      detectPending();
      sinceCheck = CLOCK_EVERY;
    }
    if (++sinceCheck < CLOCK_EVERY) return false;
    sinceCheck = 0;
    return performance.now() >= deadline;
  }

  /** Scans the chunk, reports it and yields to the main thread. */
  async function pause(): Promise<void> {
    flush();
    await yieldToMain();
    if (signal?.aborted) throw abortReason(signal);
    sliceStart = performance.now();
    deadline = sliceStart + sliceMs;
  }

  if (signal?.aborted) throw abortReason(signal);
  for (const root of roots) {
    if (root.nodeType === 3) {
      if (!insideSkipped(root)) {
        const big = addText(root as Text);
        if (big !== undefined) await bigText(root as Text, big);
      }
      pendingBreak = true;
      continue;
    }
    if (root.nodeType === 1 ? skipElement(root as Element) || insideSkipped(root) : insideSkipped(root)) continue;
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
    if (!doc) continue;
    // A stack of walkers: an open shadow root is walked where its host stands, before the host's light children.
    const stack: TreeWalker[] = [];
    let walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    if (root.nodeType === 1 && (root as Element).shadowRoot) {
      const sr = (root as Element).shadowRoot!;
      internal.onShadowRoot?.(sr);
      stack.push(walker);
      walker = doc.createTreeWalker(sr, SHOW_ELEMENT_AND_TEXT);
    }
    for (;;) {
      let node = walker.nextNode();
      while (node) {
        // Text nodes have no localName: one property read tells text from element.
        const name = (node as Element).localName;
        if (name === undefined) {
          const big = addText(node as Text);
          if (big !== undefined) await bigText(node as Text, big);
          node = walker.nextNode();
          continue;
        }
        const el = node as Element;
        const kind = KIND.get(name) ?? 0;
        const inline = (kind & INLINE_KIND) !== 0;
        if (!inline) {
          pendingBreak = true;
          if (sliceDone()) await pause();
        }
        if (skipElement(el, kind)) {
          // Past the subtree: next sibling, or the next sibling of the nearest ancestor that has one.
          let next: Node | null = walker.nextSibling();
          while (!next && walker.parentNode()) next = walker.nextSibling();
          node = next;
          continue;
        }
        if (kind & HOST_KIND || (kind === 0 && name.includes('-'))) {
          const sr = el.shadowRoot;
          if (sr) {
            internal.onShadowRoot?.(sr);
            stack.push(walker);
            walker = doc.createTreeWalker(sr, SHOW_ELEMENT_AND_TEXT);
            pendingBreak = true;
            node = walker.nextNode();
            continue;
          }
        }
        node = walker.nextNode();
      }
      const outer = stack.pop();
      if (!outer) break;
      walker = outer;
      pendingBreak = true;
    }
    pendingBreak = true;
  }
  flush();
  return all;
}

/**
 * Finds the observables in the text under `root` (an element, a document, a shadow root or a text node).
 *
 * Open shadow roots are walked; `script`, `style`, `noscript`, `template`, `input`, `textarea`, `select`,
 * `contenteditable` elements and anything inside an element with `data-pk-ignore` are skipped. Text nodes of
 * inline elements are read as one string, so `evil-<b>update</b>.com` is one match spanning three nodes.
 * The work runs in slices of about `sliceMs`, yielding to the main thread in between
 * (`scheduler.yield()` where present), so a 50,000-row table never blocks the page for long.
 *
 * @returns every match, in document order; it rejects with the signal's reason when aborted.
 */
export function scanDom(root: Node, options: ScanDomOptions = {}): Promise<DomMatch[]> {
  return scanRoots([root], options, {});
}

/**
 * Scans `root` once, then watches it with a MutationObserver and scans only what is added or changed:
 * rows appended to a growing table are read once, never again from the top. Text nodes already read are
 * remembered (weakly) and skipped; a text node whose data changes is read again. Open shadow roots met
 * during a scan are observed too. Matches are passed to `onMatches` slice by slice.
 *
 * Elements the caller inserts to highlight matches should carry `data-pk-ignore`, or they are scanned again.
 * @returns a function that stops watching and cancels any scan in progress.
 */
export function watchDom(
  root: Node,
  onMatches: (matches: DomMatch[]) => void,
  options: WatchDomOptions = {},
): () => void {
  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => stop();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const seen = new WeakSet<Text>();
  const queue: Node[] = [root];
  let running = false;
  const observerInit: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        seen.delete(r.target as Text);
        queue.push(r.target);
      } else for (const n of r.addedNodes) queue.push(n);
    }
    void drain();
  });
  const scanOptions: ScanDomOptions = {
    ...options,
    signal: controller.signal,
    onChunk: (p) => {
      options.onChunk?.(p);
      if (p.matches.length) onMatches(p.matches);
    },
  };
  const internal: Internal = { seen, noCollect: true, onShadowRoot: (sr) => observer.observe(sr, observerInit) };

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length && !controller.signal.aborted) {
        const batch = queue.splice(0);
        // Drop nodes that left the page and nodes inside another node of the batch.
        const set = new Set(batch);
        const roots = batch.filter((n) => {
          if (!n.isConnected && root.isConnected) return false;
          for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
          return true;
        });
        await scanRoots([...new Set(roots)], scanOptions, internal);
      }
    } catch (e) {
      if (!controller.signal.aborted) throw e;
    } finally {
      running = false;
    }
  }

  function stop(): void {
    observer.disconnect();
    controller.abort();
    outer?.removeEventListener('abort', onOuterAbort);
  }

  if (outer?.aborted) return () => {};
  observer.observe(root, observerInit);
  void drain();
  return stop;
}

/** A DOM `Range` over a match, e.g. for `CSS.highlights` or `getClientRects()`. */
export function matchRange(match: DomMatch): Range {
  const range = match.startNode.ownerDocument.createRange();
  range.setStart(match.startNode, match.startOffset);
  range.setEnd(match.endNode, match.endOffset);
  return range;
}
