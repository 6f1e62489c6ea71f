import type { ObservableType, PivotkitClient } from '@pivotkit/sdk';
import { scanDom, type DomMatch } from '@pivotkit/sdk/detect';
import '../components/observable/pk-observable.js';
import type { PkObservable } from '../components/observable/observable.js';
import { settings } from '../state/settings.js';

/** Options of {@link decorate}. */
export interface DecorateOptions {
  /** Only these observable types get a pivot button. @default every type the detection finds */
  types?: readonly ObservableType[];
  /** Also decorate low-confidence look-alikes (file names such as `invoice.zip`, version-like IPs). @default false */
  lowConfidence?: boolean;
  /**
   * A CSS selector for more subtrees to leave alone, besides `[data-pk-ignore]`, form fields, scripts,
   * editable regions, SVG and Pivotkit's own elements.
   */
  ignore?: string;
  /** Keep decorating what the page adds or changes later (a MutationObserver on `root`). @default true */
  watch?: boolean;
  /** The client for the created `<pk-observable>`s; the page-wide one (`configure()`) by default. */
  client?: PivotkitClient;
  /** Ask for verdicts of the observables that scroll into view. @default true */
  enrich?: boolean;
  /** Called after each slice of work (first scan and every incremental one) with the elements it added. */
  onDecorate?: (added: PkObservable[]) => void;
}

/** What {@link decorate} returns. */
export interface DecorateHandle {
  /** The decorated root. */
  readonly root: Element | Document | DocumentFragment;
  /** Resolves once the first scan of `root` is done (the scan runs in slices and never blocks the page for long). */
  readonly ready: Promise<void>;
  /** The `<pk-observable inline>` elements this handle placed and that are still in the page. */
  readonly observables: PkObservable[];
  /** Scans `root` again (for changes made while `watch` was off); resolves with the elements it added. */
  refresh(): Promise<PkObservable[]>;
  /** Stops watching, removes every element this handle placed and merges split text back: the page is as before. */
  undecorate(): void;
  /** Whether decoration is paused because the `decorate` setting is off (the handle resumes when it is on). */
  readonly paused: boolean;
}

/** The attribute that keeps a subtree undecorated: `<div data-pk-ignore>`. */
export const IGNORE_ATTRIBUTE = 'data-pk-ignore';

// Besides what the detection already skips (scripts, styles, templates, form fields, contenteditable and
// [data-pk-ignore]): text where an HTML element cannot go, or that is not read as page prose.
const SKIP = new Set(['svg', 'math', 'head', 'title', 'option', 'optgroup', 'iframe', 'object', 'canvas']);
// A button inside these would nest interactive content (and a click would follow the link): the pivot
// button goes right after the element instead, and its inside is left as it is.
const AFTER = new Set(['a', 'button', 'label', 'summary']);

/**
 * Time spent placing buttons (and on their first render, which lit runs in microtasks right after) before the
 * page gets to paint and handle input. Slices are measured, not counted, so a slow machine or a heavy page gets
 * smaller ones. Not 8 ms: each frame re-lays out the page around the new buttons (on the bench's 2,500-row
 * table, the whole table: 35-280 ms when the column widths change), so 8 ms slices took ~9.6 s for 10,000
 * observables; 32 ms keeps the total near ~2.5-2.9 s and the longest frame gap near ~0.3 s (bench/pivot).
 */
const SLICE_MS = 32;
/** Buttons placed between two looks at the clock. */
const CHUNK = 16;

/**
 * Yields to the event loop with an ordinary task (a MessageChannel message), so that rendering and input run in
 * between. Prioritised continuations such as `scheduler.yield()` can keep the page from painting for seconds.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

interface Placement {
  marker: PkObservable;
  /** A text node was split at the match's end to place `marker`; undo merges the two halves back. */
  split: boolean;
}

/** Text nodes holding a decorated match or split off by one, by any handle: never decorated twice. */
const done = new WeakSet<Text>();
const handles = new Map<Node, Handle>();

const parentOf = (n: Node): Node | null => (n.nodeType === 11 ? ((n as ShadowRoot).host ?? null) : n.parentNode);

class Handle implements DecorateHandle {
  readonly root: Element | Document | DocumentFragment;
  ready: Promise<void> = Promise.resolve();
  readonly #placements = new Set<Placement>();
  /** The text nodes this handle added to `done`, forgotten again on undecorate(). */
  readonly #texts = new Set<Text>();
  /** Buttons placed after a link (or button, label, summary) instead of inside it, and that element. */
  readonly #afterOf = new WeakMap<Element, Element>();
  readonly #options: DecorateOptions;
  #abort = new AbortController();
  #observer: MutationObserver | undefined;
  /** The `decorate` setting is off: nothing placed, nothing watched, until it is on again. */
  #paused = false;
  /** Incremental scans run one after another. */
  #chain: Promise<unknown> = Promise.resolve();

  constructor(root: Element | Document | DocumentFragment, options: DecorateOptions) {
    this.root = root;
    this.#options = options;
  }

  get observables(): PkObservable[] {
    return [...this.#placements].map((p) => p.marker).filter((m) => m.isConnected);
  }

  get paused(): boolean {
    return this.#paused;
  }

  start(): void {
    if (!settings.get().decorate) {
      this.#paused = true;
      return;
    }
    this.#paused = false;
    if (this.#abort.signal.aborted) this.#abort = new AbortController();
    if (this.#options.watch !== false) {
      this.#observer = new MutationObserver(this.#onMutations);
      this.#observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    }
    this.ready = this.#scan([this.root]).then(() => undefined);
  }

  refresh(): Promise<PkObservable[]> {
    return this.#paused ? Promise.resolve([]) : this.#scan([this.root]);
  }

  undecorate(): void {
    this.#clear();
    if (handles.get(this.root) === this) handles.delete(this.root);
  }

  /** The `decorate` setting is on again: decorate (and watch) as on the first call. */
  resume(): void {
    if (this.#paused) this.start();
  }

  /** The `decorate` setting went off: the page as before, and nothing watched, until it is on again. */
  pause(): void {
    this.#clear();
    this.#paused = true;
    this.ready = Promise.resolve();
  }

  /** Stops scanning and watching, and takes out every button this handle placed. */
  #clear(): void {
    this.#abort.abort();
    this.#observer?.disconnect();
    this.#observer = undefined;
    // Newest first, so each marker still sits between the two halves it split.
    const all = [...this.#placements].reverse();
    this.#placements.clear();
    for (const t of this.#texts) done.delete(t);
    this.#texts.clear();
    for (const { marker, split } of all) {
      const before = marker.previousSibling;
      const after = marker.nextSibling;
      marker.remove();
      if (split && before?.nodeType === Node.TEXT_NODE && after?.nodeType === Node.TEXT_NODE) {
        (before as Text).appendData((after as Text).data);
        after.remove();
      }
    }
  }

  /**
   * Scans `roots` with the detection's scanDom (in slices, no DOM change), then places the buttons in batches,
   * yielding to the page between batches so that it keeps painting and answering input.
   */
  #scan(roots: Node[]): Promise<PkObservable[]> {
    // The signal of this run: a pause and resume in between leaves it aborted.
    const signal = this.#abort.signal;
    const run = this.#chain.then(async () => {
      const added: PkObservable[] = [];
      for (const r of roots) {
        if (signal.aborted) break;
        if (r !== this.root && (!r.isConnected || !this.root.contains(r))) continue;
        const byNode = new Map<Text, DomMatch[]>();
        const seenData = new Map<Text, string>();
        try {
          await scanDom(r, {
            signal,
            nested: false,
            lowConfidence: this.#options.lowConfidence ?? false,
            ...(this.#options.types ? { types: this.#options.types } : {}),
            onChunk: (p) => {
              for (const m of p.matches) {
                // Grouped by the node the match ends in: all the splits of one node happen in one batch.
                let list = byNode.get(m.endNode);
                if (!list) byNode.set(m.endNode, (list = []));
                list.push(m);
                for (const t of m.nodes) seenData.set(t, t.data);
              }
            },
          });
        } catch (e) {
          if (signal.aborted) break;
          throw e;
        }
        let batch: DomMatch[] = [];
        let sliceStart = performance.now();
        for (const list of byNode.values()) {
          batch.push(...list);
          if (batch.length < CHUNK) continue;
          this.#flush(batch, seenData, added);
          batch = [];
          // Let lit render what was just placed (its updates are queued microtasks), so the clock counts it too.
          await Promise.resolve();
          if (signal.aborted) return added;
          if (performance.now() - sliceStart < SLICE_MS) continue;
          await yieldToPage();
          sliceStart = performance.now();
          if (signal.aborted) return added;
        }
        if (signal.aborted) break;
        this.#flush(batch, seenData, added);
      }
      return added;
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** Places one batch of matches, checked against the text they were found in. */
  #flush(batch: DomMatch[], seenData: Map<Text, string>, added: PkObservable[]) {
    // A node the page changed since it was read is left to the rescan that its change triggers.
    const fresh = batch.filter((m) => m.nodes.every((t) => t.isConnected && seenData.get(t) === t.data));
    if (!fresh.length) return;
    // Page changes queued so far are the page's: take them first, then drop the records of our own edits.
    const pending = this.#observer?.takeRecords() ?? [];
    const now = this.#place(fresh);
    this.#observer?.takeRecords();
    if (pending.length) this.#onMutations(pending);
    if (now.length) {
      added.push(...now);
      this.#options.onDecorate?.(now);
    }
  }

  #onMutations = (records: MutationRecord[]) => {
    const roots: Node[] = [];
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        // A text the page changed, unless it holds a decorated match (left as it is).
        if (!done.has(r.target as Text)) roots.push(r.target);
        continue;
      }
      if (r.removedNodes.length) removed = true;
      for (const n of r.addedNodes) {
        if (n.nodeType === Node.TEXT_NODE ? done.has(n as Text) : (n as Element).localName?.startsWith('pk-')) continue;
        roots.push(n);
      }
    }
    if (removed) {
      // Forget what left the page for good (a moved row is back in place by the time this runs).
      for (const p of this.#placements) if (!p.marker.isConnected) this.#placements.delete(p);
      for (const t of this.#texts) {
        if (t.isConnected) continue;
        this.#texts.delete(t);
        done.delete(t);
      }
    }
    if (roots.length) void this.#scan(roots);
  };

  /** Whether a match in `text` is to be left alone (inside something skipped, below the root). */
  #skipped(text: Text): boolean {
    const ignore = this.#options.ignore;
    for (let n = parentOf(text); n && n !== this.root; n = parentOf(n)) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (SKIP.has(el.localName) || el.localName.startsWith('pk-') || (ignore && el.matches(ignore))) return true;
    }
    return false;
  }

  /** Places a button after each match. Matches come in document order; nodes are split from the end. */
  #place(matches: DomMatch[]): PkObservable[] {
    const byNode = new Map<Text, DomMatch[]>();
    for (const m of matches) {
      if (m.nodes.some((t) => done.has(t)) || this.#skipped(m.endNode)) continue;
      let list = byNode.get(m.endNode);
      if (!list) byNode.set(m.endNode, (list = []));
      list.push(m);
    }
    const added: PkObservable[] = [];
    for (const [text, list] of byNode) {
      if (!text.parentNode) continue;
      for (const m of list) for (const t of m.nodes) this.#remember(t);
      let outer: Element | undefined;
      for (let el = text.parentElement; el && el !== this.root; el = el.parentElement) {
        if (AFTER.has(el.localName)) outer = el;
      }
      if (outer) {
        // After the link, in reading order, following any button already placed there for its earlier text.
        let anchor: Element = outer;
        while (anchor.nextSibling instanceof Element && this.#afterOf.get(anchor.nextSibling) === outer) {
          anchor = anchor.nextSibling;
        }
        for (const m of list) {
          const marker = this.#create(m);
          anchor.after(marker);
          anchor = marker;
          this.#afterOf.set(marker, outer);
          this.#placements.add({ marker, split: false });
          added.push(marker);
        }
        continue;
      }
      const markers: PkObservable[] = [];
      // Last match first: each split then happens in the original node, which stays the page's first text node.
      for (let i = list.length - 1; i >= 0; i--) {
        const m = list[i]!;
        const marker = this.#create(m);
        markers.push(marker);
        if (m.endOffset < text.length) {
          const rest = text.splitText(m.endOffset);
          this.#remember(rest);
          text.parentNode!.insertBefore(marker, rest);
          this.#placements.add({ marker, split: true });
        } else {
          text.parentNode!.insertBefore(marker, text.nextSibling);
          this.#placements.add({ marker, split: false });
        }
      }
      added.push(...markers.reverse());
    }
    return added;
  }

  #remember(t: Text) {
    done.add(t);
    this.#texts.add(t);
  }

  #create(m: DomMatch): PkObservable {
    const el = document.createElement('pk-observable');
    // Our own element: the detection does not look inside it (nor into its shadow root) on later scans.
    el.setAttribute(IGNORE_ATTRIBUTE, '');
    el.setAttribute('inline', '');
    el.setAttribute('type', m.type);
    el.value = m.value;
    if (this.#options.enrich === false) el.setAttribute('no-enrich', '');
    if (this.#options.client) el.client = this.#options.client;
    return el;
  }
}

/** Pauses every handle when the `decorate` setting goes off (here or in another tab) and resumes it when on. */
let followingSettings = false;
function followSettings(): void {
  if (followingSettings) return;
  followingSettings = true;
  let on = settings.get().decorate;
  settings.subscribe((s) => {
    if (s.decorate === on) return;
    on = s.decorate;
    for (const h of [...handles.values()]) {
      if (on) h.resume();
      else h.pause();
    }
  });
}

/**
 * Places a `<pk-observable inline>` pivot button right after each observable found in the text under `root`
 * (by `scanDom` from `@pivotkit/sdk/detect`, in slices that never block the page for long).
 *
 * The page's own text is never wrapped or moved: a text node is split at the end of a match and the button
 * goes in between, so layout, tables and text selection stay as they were. Inside a link (or button, label,
 * summary) the button goes right after that element, whose inside is left untouched. Subtrees with
 * `data-pk-ignore`, form fields, scripts, editable regions, SVG and Pivotkit's own elements are left alone.
 * With `watch` (the default) what the page adds later is decorated as it arrives.
 *
 * Calling it again for the same root scans it again and returns the same handle. `await handle.ready` to know
 * when the first scan is done.
 *
 * It follows the analyst's `decorate` setting (`settings`, kept in step across tabs): while it is off nothing is
 * placed and the buttons already placed are taken out, the page's text restored exactly; when it is on again, the
 * page is decorated again (and watched, with `watch`).
 *
 * Limits: a text the page rewrites after it was decorated keeps its old button (a new text node gets its own);
 * changes inside the page's shadow roots after the first scan are not watched; a match that starts inside a
 * link and ends outside it gets its button inside the element where it ends.
 */
export function decorate(
  root: Element | Document | DocumentFragment = document.body,
  options: DecorateOptions = {},
): DecorateHandle {
  followSettings();
  const existing = handles.get(root);
  if (existing) {
    existing.ready = existing.refresh().then(() => undefined);
    return existing;
  }
  const handle = new Handle(root, options);
  handles.set(root, handle);
  handle.start();
  return handle;
}

/** Undoes {@link decorate} for `root`: the page is restored exactly as it was. */
export function undecorate(root: Element | Document | DocumentFragment = document.body): void {
  handles.get(root)?.undecorate();
}
