import type { Observable, ObservableVerdict, PivotkitClient } from '@pivotkit/sdk';
import { getClient, onClientChange } from '../../config.js';
import { midsKey, settings } from '../../state/settings.js';

/** An element that shows a verdict for one observable (`<pk-observable>`). */
export interface VerdictSubscriber extends Element {
  readonly observable: Observable;
  /** The client the element was given, if any; otherwise the page-wide one is used. */
  readonly client: PivotkitClient | undefined;
  verdict: ObservableVerdict | undefined;
}

/** Observables per `enrich.deliberate` call. */
export const BATCH_SIZE = 50;
/** Calls in flight at once per client; later batches wait for one to finish. */
const MAX_IN_FLIGHT = 3;

const keyOf = (o: Observable) => `${o.type}:${o.value}`;

/**
 * Page-wide lazy enrichment for one client. A single IntersectionObserver watches every subscribed element;
 * an element that scrolls into view queues its observable (once per type:value), the queue is flushed once
 * per animation frame in batches of {@link BATCH_SIZE}, and the answer goes to every element showing that
 * observable. Nothing is asked for an observable that never becomes visible, and no element keeps a scroll
 * or resize listener of its own.
 *
 * It keeps no answers of its own: an observable that shows up again later is asked again, and the SDK's
 * verdict cache (15 minutes, cleared on sign-out, kept per module set) answers without a request. Only requests
 * in flight are shared, so two copies of a value on screen make one request.
 *
 * It asks the modules of the `mids` setting (every module when empty). When the setting changes, every element
 * is asked again (as it is visible) and answers still in flight for the old set are dropped.
 */
export class VerdictScheduler {
  /** Number of `enrich.deliberate` calls made so far (for diagnostics and benchmarks). */
  calls = 0;
  readonly #client: PivotkitClient;
  #io: IntersectionObserver | undefined;
  readonly #waiting = new Map<string, Set<VerdictSubscriber>>();
  readonly #keys = new WeakMap<VerdictSubscriber, string>();
  /** Keys queued or in flight. */
  readonly #asked = new Set<string>();
  readonly #queue = new Map<string, Observable>();
  #frame = 0;
  #inFlight = 0;
  /** Bumped by reset(): answers to requests made before it are dropped. */
  #generation = 0;

  constructor(client: PivotkitClient) {
    this.#client = client;
  }

  /** Starts watching `el`; it gets `el.verdict` once its observable was visible and the modules answered. */
  watch(el: VerdictSubscriber): void {
    const key = keyOf(el.observable);
    this.#keys.set(el, key);
    let set = this.#waiting.get(key);
    if (!set) this.#waiting.set(key, (set = new Set()));
    set.add(el);
    if (!this.#asked.has(key)) {
      this.#io ??= new IntersectionObserver(this.#onIntersect, { rootMargin: '64px' });
      this.#io.observe(el);
    }
  }

  /** Stops watching `el` (it was removed, or its observable changed). */
  unwatch(el: VerdictSubscriber): void {
    const key = this.#keys.get(el);
    if (key === undefined) return;
    this.#keys.delete(el);
    this.#io?.unobserve(el);
    const set = this.#waiting.get(key);
    set?.delete(el);
    if (set?.size === 0) this.#waiting.delete(key);
  }

  /** Forgets what is queued and in flight (the module set changed); watch the elements again after it. */
  reset(): void {
    this.#generation++;
    this.#asked.clear();
    this.#queue.clear();
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #onIntersect = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const el = entry.target as VerdictSubscriber;
      this.#io!.unobserve(el);
      const key = this.#keys.get(el);
      if (key === undefined || this.#asked.has(key)) continue;
      this.#asked.add(key);
      this.#queue.set(key, el.observable);
    }
    this.#schedule();
  };

  #schedule() {
    if (this.#queue.size && !this.#frame) this.#frame = requestAnimationFrame(this.#flush);
  }

  #flush = () => {
    this.#frame = 0;
    const session = this.#client.session;
    if (session && !this.#client.can('enrich')) {
      // Signed in without the enrich scopes: nothing to ask; the menu explains what is missing.
      for (const key of this.#queue.keys()) this.#answer(key, null);
      this.#queue.clear();
      return;
    }
    while (this.#queue.size && this.#inFlight < MAX_IN_FLIGHT) {
      const batch: [string, Observable][] = [];
      for (const entry of this.#queue) {
        batch.push(entry);
        this.#queue.delete(entry[0]);
        if (batch.length === BATCH_SIZE) break;
      }
      void this.#request(batch);
    }
  };

  async #request(batch: [string, Observable][]) {
    this.#inFlight++;
    this.calls++;
    const generation = this.#generation;
    try {
      const result = await this.#client.enrich.deliberate(
        batch.map(([, o]) => o),
        { mids: settings.get().mids },
      );
      if (generation !== this.#generation) return;
      for (const [key, o] of batch) this.#answer(key, result.verdictFor(o) ?? null);
    } catch {
      if (generation !== this.#generation) return;
      // The page keeps working without badges; the pivot menu shows the error when it is opened.
      for (const [key] of batch) this.#answer(key, null);
    } finally {
      this.#inFlight--;
      this.#schedule();
    }
  }

  #answer(key: string, verdict: ObservableVerdict | null) {
    this.#asked.delete(key);
    const set = this.#waiting.get(key);
    if (!set) return;
    this.#waiting.delete(key);
    for (const el of set) {
      this.#io?.unobserve(el);
      el.verdict = verdict ?? undefined;
    }
  }
}

const schedulers = new WeakMap<PivotkitClient, VerdictScheduler>();

/** The scheduler that serves `client` (one per client, shared by the whole page). */
export function verdictSchedulerFor(client: PivotkitClient): VerdictScheduler {
  let s = schedulers.get(client);
  if (!s) schedulers.set(client, (s = new VerdictScheduler(client)));
  return s;
}

// Elements that use the page-wide client move to the new client's scheduler when configure() changes it.
const onDefaultClient = new Set<VerdictSubscriber>();
const watchedBy = new WeakMap<VerdictSubscriber, VerdictScheduler>();
/** Every element being enriched: asked again when the module set changes. */
const watching = new Set<VerdictSubscriber>();
let unlisten: (() => void) | undefined;
let unlistenSettings: (() => void) | undefined;
/** The module set the elements were last asked with (read when the first element is watched). */
let mids = '';

/** The `mids` setting changed (here or in another tab): verdicts for the old module set are not shown. */
function onModuleSetChange(): void {
  const next = midsKey(settings.get().mids);
  if (next === mids) return;
  mids = next;
  const subs = [...watching];
  for (const s of new Set(subs.map((sub) => watchedBy.get(sub)))) s?.reset();
  for (const sub of subs) {
    sub.verdict = undefined;
    watchVerdict(sub);
  }
}

/** Starts lazy enrichment for `el` with its own client or the page-wide one. */
export function watchVerdict(el: VerdictSubscriber): void {
  unwatchVerdict(el);
  watching.add(el);
  if (!unlistenSettings) {
    mids = midsKey(settings.get().mids);
    unlistenSettings = settings.subscribe(onModuleSetChange);
  }
  if (!el.client) {
    onDefaultClient.add(el);
    unlisten ??= onClientChange(() => {
      for (const sub of [...onDefaultClient]) {
        sub.verdict = undefined;
        watchVerdict(sub);
      }
    });
  }
  const client = el.client ?? getClient();
  if (!client) return;
  const scheduler = verdictSchedulerFor(client);
  watchedBy.set(el, scheduler);
  scheduler.watch(el);
}

/** Stops lazy enrichment for `el`. */
export function unwatchVerdict(el: VerdictSubscriber): void {
  watching.delete(el);
  onDefaultClient.delete(el);
  watchedBy.get(el)?.unwatch(el);
  watchedBy.delete(el);
}
