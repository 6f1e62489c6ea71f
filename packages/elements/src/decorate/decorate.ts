import type { PivotkitClient } from '@pivotkit/sdk';
import '../components/observable/pk-observable.js';
import type { PkObservable } from '../components/observable/observable.js';
import { localDetect, type DetectFn, type TextMatch } from './local-detect.js';

/** Options of {@link decorate}. */
export interface DecorateOptions {
  /**
   * Finds observables in one text node's text; `detectObservables` from `@pivotkit/sdk/detect` by default.
   * Matches must not overlap and are given as offsets into the text.
   */
  detect?: DetectFn;
  /** Only these observable types get a pivot button. @default every type the detection finds */
  types?: readonly string[];
  /**
   * A CSS selector for more subtrees to leave alone, besides `[data-pk-ignore]`, form fields, scripts,
   * editable regions and Pivotkit's own elements.
   */
  ignore?: string;
  /** Keep decorating what the page adds or changes later (a MutationObserver on `root`). @default true */
  watch?: boolean;
  /** The client for the created `<pk-observable>`s; the page-wide one (`configure()`) by default. */
  client?: PivotkitClient;
  /** Ask for verdicts of the visible observables. @default true */
  enrich?: boolean;
  /** Called after each pass (the first one and every incremental one) with the elements it added. */
  onDecorate?: (added: PkObservable[]) => void;
}

/** What {@link decorate} returns. */
export interface DecorateHandle {
  /** The decorated root. */
  readonly root: Element | Document | DocumentFragment;
  /** The `<pk-observable inline>` elements this handle placed and that are still in the page. */
  readonly observables: PkObservable[];
  /** Scans `root` again now (for changes made while `watch` was off). Returns the elements it added. */
  refresh(): PkObservable[];
  /** Removes every element this handle placed and merges the split text back: the page is as before. */
  undecorate(): void;
}

/** The attribute that keeps a subtree undecorated: `<div data-pk-ignore>`. */
export const IGNORE_ATTRIBUTE = 'data-pk-ignore';

// Text in these is not prose a person reads, or a button in it would break the element.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'iframe',
  'object',
  'svg',
  'math',
  'head',
  'title',
  'canvas',
  'video',
  'audio',
]);
// A button inside these would nest interactive content (and a click would follow the link): the pivot
// button goes right after the element instead, and its inside is left as it is.
const AFTER = new Set(['a', 'button', 'label', 'summary']);

interface Placement {
  marker: PkObservable;
  /** The text node was split at the match's end to place `marker`; undo merges the two halves. */
  split: boolean;
}

/** Text nodes already handled, by any handle (so nested or repeated decorate() calls never double up). */
const done = new WeakSet<Text>();
const handles = new Map<Node, Handle>();

function skipElement(el: Element, ignore: string | undefined): boolean {
  const name = el.localName;
  return (
    SKIP.has(name) ||
    name.startsWith('pk-') ||
    el.hasAttribute(IGNORE_ATTRIBUTE) ||
    (el as HTMLElement).isContentEditable ||
    (ignore !== undefined && el.matches(ignore))
  );
}

class Handle implements DecorateHandle {
  readonly root: Element | Document | DocumentFragment;
  readonly #placements = new Set<Placement>();
  /** The text nodes this handle decorated or created, forgotten again on undecorate(). */
  readonly #texts = new Set<Text>();
  readonly #detect: DetectFn;
  readonly #types: Set<string> | undefined;
  readonly #options: DecorateOptions;
  #observer: MutationObserver | undefined;
  /** Buttons placed after a link (or button, label, summary) instead of inside it, and that element. */
  readonly #afterOf = new WeakMap<Element, Element>();

  constructor(root: Element | Document | DocumentFragment, options: DecorateOptions) {
    this.root = root;
    this.#options = options;
    this.#detect = options.detect ?? defaultDetect;
    this.#types = options.types ? new Set(options.types) : undefined;
  }

  get observables(): PkObservable[] {
    return [...this.#placements].map((p) => p.marker).filter((m) => m.isConnected);
  }

  start(): void {
    this.#pass([this.root]);
    if (this.#options.watch !== false) {
      this.#observer = new MutationObserver(this.#onMutations);
      this.#observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    }
  }

  refresh(): PkObservable[] {
    const added = this.#pass([this.root]);
    this.#observer?.takeRecords();
    return added;
  }

  undecorate(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    handles.delete(this.root);
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

  #onMutations = (records: MutationRecord[]) => {
    const roots: Node[] = [];
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        // A text the page changed, unless it is one of the halves placed beside a marker.
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
      for (const p of this.#placements) if (!p.marker.isConnected) this.#placements.delete(p);
    }
    const fresh = roots.filter((n) => n.isConnected && this.root.contains(n) && !this.#insideSkipped(n));
    if (fresh.length) this.#pass(fresh);
    // What the pass itself changed is ours: drop those records so they are not scanned again.
    this.#observer?.takeRecords();
  };

  #insideSkipped(n: Node): boolean {
    for (let el = n.parentElement; el && el !== this.root; el = el.parentElement) {
      if (skipElement(el, this.#options.ignore)) return true;
    }
    return false;
  }

  #pass(roots: Node[]): PkObservable[] {
    const texts: Text[] = [];
    const ignore = this.#options.ignore;
    for (const start of roots) {
      if (start.nodeType === Node.TEXT_NODE) {
        texts.push(start as Text);
        continue;
      }
      if (start.nodeType === Node.ELEMENT_NODE && start !== this.root && skipElement(start as Element, ignore))
        continue;
      const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.nodeType === Node.TEXT_NODE
            ? NodeFilter.FILTER_ACCEPT
            : skipElement(n as Element, ignore)
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_SKIP,
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    }
    const added: PkObservable[] = [];
    for (const text of texts) this.#decorateText(text, added);
    if (added.length) this.#options.onDecorate?.(added);
    return added;
  }

  #decorateText(text: Text, added: PkObservable[]) {
    if (done.has(text) || text.data.length < 4 || !text.parentNode) return;
    let matches: TextMatch[] = this.#detect(text.data);
    if (this.#types) matches = matches.filter((m) => this.#types!.has(m.type));
    if (!matches.length) return;
    done.add(text);
    this.#texts.add(text);
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
      for (const m of matches) {
        const marker = this.#create(m);
        anchor.after(marker);
        anchor = marker;
        this.#afterOf.set(marker, outer);
        this.#placements.add({ marker, split: false });
        added.push(marker);
      }
      return;
    }
    const markers: PkObservable[] = [];
    // Last match first: each split then happens in the original node, which keeps the page's first text node.
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i]!;
      const marker = this.#create(m);
      markers.push(marker);
      if (m.end < text.length) {
        const rest = text.splitText(m.end);
        done.add(rest);
        this.#texts.add(rest);
        text.parentNode!.insertBefore(marker, rest);
        this.#placements.add({ marker, split: true });
      } else {
        text.parentNode!.insertBefore(marker, text.nextSibling);
        this.#placements.add({ marker, split: false });
      }
    }
    added.push(...markers.reverse());
  }

  #create(m: TextMatch): PkObservable {
    const el = document.createElement('pk-observable');
    el.setAttribute('inline', '');
    el.setAttribute('type', m.type);
    el.setAttribute('value', m.value);
    if (this.#options.enrich === false) el.setAttribute('no-enrich', '');
    if (this.#options.client) el.client = this.#options.client;
    return el;
  }
}

let defaultDetect: DetectFn = localDetect;

/**
 * Places a `<pk-observable inline>` pivot button right after each observable found in the text under `root`.
 * The page's own text is never wrapped or moved: a text node is split at the end of a match and the button
 * goes in between, so layout, tables and text selection stay as they were. Inside a link (or button, label,
 * summary) the button goes right after that element. Subtrees with `data-pk-ignore`, form fields, scripts,
 * editable regions and Pivotkit's own elements are left alone. With `watch` (the default) rows the page adds
 * later are decorated as they arrive.
 *
 * Calling it again for the same root scans it again and returns the same handle.
 */
export function decorate(
  root: Element | Document | DocumentFragment = document.body,
  options: DecorateOptions = {},
): DecorateHandle {
  const existing = handles.get(root);
  if (existing) {
    existing.refresh();
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

/** Replaces the text matcher decorate() uses by default (the SDK's detection, once loaded). @internal */
export function setDefaultDetect(fn: DetectFn): void {
  defaultDetect = fn;
}
