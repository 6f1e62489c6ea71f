import { createStore, del, entries, set, update, type UseStore } from 'idb-keyval';
import type { Casebook, NewCasebook, Observable, PivotkitApiClient, PivotkitClient, Tlp } from '@pivotkit/sdk';
import { isPivotkitError } from '@pivotkit/sdk';

/** A casebook note: CTIM's text object. */
export interface CaseText {
  type: string;
  text: string;
}

/** The casebook fields edited in place (a PATCH that replaces them). */
export type CaseField = 'title' | 'description' | 'short_description' | 'tlp';

/** One change to a case, as the analyst made it. */
export type CaseEdit =
  | { kind: 'create'; input: NewCasebook }
  | { kind: 'field'; field: CaseField; value: string; base: string | undefined }
  | { kind: 'add-observables'; observables: Observable[] }
  | { kind: 'remove-observables'; observables: Observable[] }
  | { kind: 'add-text'; text: CaseText }
  | { kind: 'edit-text'; from: CaseText; to: CaseText }
  | { kind: 'remove-text'; text: CaseText }
  | { kind: 'bundle'; bundle: Record<string, unknown> }
  | { kind: 'delete' };

/**
 * - `queued`: not sent yet (or waiting for its turn);
 * - `sending`: a request is out (after a crash the outcome is unknown, see `flush`);
 * - `retrying`: the last attempt failed in a way that may pass (offline, 5xx, 409, 412, 429, signed out);
 * - `conflict`: the case changed elsewhere since the edit was made; the analyst picks a version;
 * - `failed`: refused for good (403, 404, 400); kept until the analyst retries or discards it.
 */
export type EditStatus = 'queued' | 'sending' | 'retrying' | 'conflict' | 'failed';

/** An edit in the outbox. */
export interface QueuedEdit {
  /** Order of the edits: the order they were made, and the order they are sent. */
  seq: number;
  /** The case's id; a `local-…` id for a case created while its `create` is still queued. */
  caseId: string;
  edit: CaseEdit;
  /** The case's `modified` when the edit was made (what a replacing edit is based on). */
  baseModified?: string;
  /** Epoch ms the edit was made. */
  at: number;
  status: EditStatus;
  attempts: number;
  /** The last failure, as a message to show. */
  error?: string;
  /** HTTP status of the last failure, when there was one. */
  httpStatus?: number;
  /** Scopes a 403 named as missing. */
  missingScopes?: string[];
  /** For `conflict`: the server's current value of what the edit replaces, and its `modified`. */
  conflict?: { theirs: unknown; modified?: string };
}

/** What the outbox reports after a change reached the server. */
export interface OutboxAck {
  edit: QueuedEdit;
  /** The case as the server returned it (absent for `delete`). */
  casebook?: Casebook;
  /** For `create`: the server's id that replaces the local one. */
  createdId?: string;
}

/**
 * What became of an edit (`Outbox.settled`): it reached the server (with the server's answer), or it is still in
 * the outbox, waiting (`queued`, `retrying`), set aside (`conflict`) or refused (`failed`); or it was discarded.
 */
export type EditOutcome =
  | { status: 'sent'; casebook?: Casebook; createdId?: string }
  | { status: Exclude<EditStatus, 'sending'> | 'discarded'; error?: string };

/** How a failure is treated. */
export type FailureKind = 'retry' | 'fail';

/** The prefix of ids given to cases created while offline. */
export const LOCAL_CASE_PREFIX = 'local-';

/** Whether an id is a case not yet created on the server. */
export const isLocalCaseId = (id: string): boolean => id.startsWith(LOCAL_CASE_PREFIX);

const sameObservable = (a: Observable, b: Observable) => a.type === b.type && a.value === b.value;
const sameText = (a: CaseText, b: CaseText) => a.type === b.type && a.text === b.text;

/** Which failures may pass by themselves (and so are retried) and which need the analyst. */
export function classifyFailure(e: unknown): FailureKind {
  if (isPivotkitError(e, 'HttpStatusError')) {
    const s = e.status;
    return s === 408 || s === 409 || s === 412 || s === 429 || s >= 500 ? 'retry' : 'fail';
  }
  // Network, timeout, token and shape problems: the service or the connection, not the edit.
  return 'retry';
}

/**
 * The case with the edits still in the outbox applied, so that what the analyst wrote shows at once, offline
 * and after a reload. Edits are applied in order; a `delete` yields `undefined`.
 */
export function applyEdits(casebook: Casebook, edits: readonly QueuedEdit[]): Casebook | undefined {
  let cb: Casebook = casebook;
  for (const q of edits) {
    if (q.caseId !== casebook.id) continue;
    const e = q.edit;
    switch (e.kind) {
      case 'create':
        break;
      case 'field':
        cb = { ...cb, [e.field]: e.field === 'tlp' ? (e.value as Tlp) : e.value };
        break;
      case 'add-observables': {
        const have = cb.observables ?? [];
        cb = { ...cb, observables: [...have, ...e.observables.filter((o) => !have.some((h) => sameObservable(h, o)))] };
        break;
      }
      case 'remove-observables':
        cb = {
          ...cb,
          observables: (cb.observables ?? []).filter((o) => !e.observables.some((r) => sameObservable(r, o))),
        };
        break;
      case 'add-text':
        cb = { ...cb, texts: [...(cb.texts ?? []), e.text] };
        break;
      case 'edit-text':
        cb = { ...cb, texts: (cb.texts ?? []).map((t) => (sameText(t, e.from) ? e.to : t)) };
        break;
      case 'remove-text':
        cb = { ...cb, texts: (cb.texts ?? []).filter((t) => !sameText(t, e.text)) };
        break;
      case 'bundle': {
        const bundle = { ...((cb['bundle'] as Record<string, unknown> | undefined) ?? {}) };
        for (const [k, v] of Object.entries(e.bundle)) {
          const cur = bundle[k];
          bundle[k] = Array.isArray(v) ? [...(Array.isArray(cur) ? cur : []), ...v] : v;
        }
        cb = { ...cb, bundle };
        break;
      }
      case 'delete':
        return undefined;
    }
  }
  return cb;
}

/** A case known only from the outbox (created offline): what its `create` holds. */
export function localCase(edit: QueuedEdit): Casebook | undefined {
  if (edit.edit.kind !== 'create') return undefined;
  return {
    ...edit.edit.input,
    id: edit.caseId,
    // Not on the server yet: no long id until the create is acknowledged.
    longId: '',
    type: 'casebook',
    schema_version: '',
    created: new Date(edit.at).toISOString(),
    modified: new Date(edit.at).toISOString(),
  };
}

/** What a pending edit marks as pending in the case view. */
export function pendingKey(edit: CaseEdit): string {
  switch (edit.kind) {
    case 'field':
      return edit.field;
    case 'add-observables':
    case 'remove-observables':
      return 'observables';
    case 'add-text':
    case 'edit-text':
    case 'remove-text':
      return 'texts';
    default:
      return edit.kind;
  }
}

export interface OutboxOptions {
  /** IndexedDB database name (tests use their own). @default 'pivotkit-outbox' */
  dbName?: string;
  /** The client that sends the edits; edits wait while it returns `undefined` or is not signed in. */
  client: () => PivotkitClient | undefined;
  /** Called once an edit reached the server. */
  onAck?: (ack: OutboxAck) => void;
  /** First retry delay in ms, doubled per attempt up to `maxRetryDelay`. @default 2000 */
  retryDelay?: number;
  /** @default 30000 */
  maxRetryDelay?: number;
}

interface ChannelMessage {
  type: 'changed';
  /** Cases whose server copy changed (other tabs refetch them). */
  cases?: string[];
  /** Local id → server id of cases just created. */
  created?: [string, string][];
}

/** An edit's IndexedDB key: its `seq`, padded so that keys sort as numbers. */
const keyOf = (seq: number) => String(seq).padStart(16, '0');

/**
 * The casebook's outbox: every edit is written to IndexedDB before it is sent, sent in the order it was made,
 * and removed only once the server acknowledged it. Edits made offline, or while the API fails, wait and are
 * replayed (on `online`, on a backoff timer, or on `flush()`); a reload restores them.
 *
 * An edit that replaces something (a field, a note) checks the server copy first: if the case was changed
 * elsewhere since the edit was made (its `modified` differs and so does the value replaced), the edit is set
 * aside as a `conflict` with both versions, never sent over the other one. Additions and removals use the CTIA
 * sub-routes, which merge with concurrent changes.
 *
 * Tabs share the IndexedDB queue; one tab at a time sends (a Web Lock), and a BroadcastChannel tells the other
 * tabs to reread the queue and the cases that changed.
 */
export class Outbox {
  readonly #store: UseStore;
  readonly #opts: OutboxOptions;
  readonly #channel: BroadcastChannel | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #remote = new Set<(cases: string[], created: [string, string][]) => void>();
  /** Local ids of cases created by this outbox, and their server ids (for views still showing the local id). */
  readonly #created = new Map<string, string>();
  readonly #lockName: string;
  #edits: QueuedEdit[] = [];
  #loaded: Promise<void>;
  /** The enqueue in progress (see `enqueue`). */
  #enqueuing: Promise<unknown> = Promise.resolve();
  /**
   * Edits made but not stored yet (IndexedDB is written after `enqueue` returns, one edit at a time): listed from
   * the moment they are made, so what the analyst just wrote never disappears from the screen meanwhile. Their
   * `seq` is negative; the stored edit, with its real `seq`, takes the place of each.
   */
  #storing: QueuedEdit[] = [];
  #provisional = 0;
  #flushing: Promise<void> | undefined;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #delayFor = 0;
  #disposed = false;
  /** Callers waiting on `settled()`, by edit. */
  readonly #waiters = new Map<number, Set<{ untilSent: boolean; resolve: (o: EditOutcome) => void }>>();

  constructor(opts: OutboxOptions) {
    this.#opts = opts;
    const db = opts.dbName ?? 'pivotkit-outbox';
    this.#store = createStore(db, 'edits');
    this.#lockName = `${db}:send`;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(db) : undefined;
    this.#channel?.addEventListener('message', (e: MessageEvent<ChannelMessage>) => {
      void this.#reload().then(() => this.#serverChanged(e.data.cases ?? [], e.data.created ?? []));
    });
    this.#loaded = this.#reload();
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
  }

  /** Stops listening (tests; a page keeps its outbox for its lifetime). */
  dispose(): void {
    this.#disposed = true;
    this.#channel?.close();
    clearTimeout(this.#timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
  }

  #onOnline = () => void this.flush();

  /** Resolves once the queue saved by earlier pages has been read. */
  get ready(): Promise<void> {
    return this.#loaded;
  }

  /** Every edit not yet acknowledged, in order, those still being stored last. */
  get edits(): readonly QueuedEdit[] {
    return this.#storing.length ? [...this.#edits, ...this.#storing] : this.#edits;
  }

  /** The edits of one case, in order. */
  editsFor(caseId: string): QueuedEdit[] {
    return this.edits.filter((e) => e.caseId === caseId);
  }

  /** Calls `listener` whenever the queue changes (here or in another tab). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Calls `listener` when edits reached the server, from this tab or another: the cases changed, and the local
   * ids of cases just created with their server ids.
   */
  onServerChange(listener: (cases: string[], created: [string, string][]) => void): () => void {
    this.#remote.add(listener);
    return () => this.#remote.delete(listener);
  }

  /** The server id of a case created from a local id, once the server has it. */
  resolveId(id: string): string {
    return this.#created.get(id) ?? id;
  }

  #serverChanged(cases: string[], created: [string, string][]) {
    for (const [local, real] of created) this.#created.set(local, real);
    if (cases.length || created.length) for (const l of this.#remote) l(cases, created);
  }

  #emit() {
    for (const l of this.#listeners) l();
  }

  #broadcast(msg: ChannelMessage) {
    if (!this.#disposed) this.#channel?.postMessage(msg);
  }

  async #reload(): Promise<void> {
    const all = await entries<string, QueuedEdit>(this.#store);
    this.#edits = all.map(([, v]) => v).sort((a, b) => a.seq - b.seq);
    this.#emit();
  }

  async #save(q: QueuedEdit): Promise<void> {
    await set(keyOf(q.seq), q, this.#store);
  }

  /**
   * Stores a new edit under a key no other edit has, in one IndexedDB transaction: another tab of the page may
   * have taken the same `seq` in the same millisecond, and then the next one is tried.
   */
  async #add(q: QueuedEdit): Promise<QueuedEdit> {
    for (;;) {
      let taken = false;
      await update<QueuedEdit>(
        keyOf(q.seq),
        (old) => {
          taken = old !== undefined;
          return old ?? q;
        },
        this.#store,
      );
      if (!taken) return q;
      q = { ...q, seq: q.seq + 1 };
    }
  }

  async #drop(q: QueuedEdit): Promise<void> {
    await del(keyOf(q.seq), this.#store);
  }

  /**
   * Writes an edit to IndexedDB, then starts sending. Resolves with the queued edit once it is stored (not once
   * it is sent). A field edited again while its earlier edit still waits replaces that edit's value.
   */
  enqueue(caseId: string, edit: CaseEdit, baseModified?: string): Promise<QueuedEdit> {
    // One at a time: each reads the edit before it (to merge a field typed twice, and for its `seq`) only once
    // that edit is stored and listed. Two edits made at once were given one `seq`, and the second overwrote the
    // first in IndexedDB.
    const provisional: QueuedEdit = {
      seq: -++this.#provisional,
      caseId,
      edit,
      ...(baseModified !== undefined ? { baseModified } : {}),
      at: Date.now(),
      status: 'queued',
      attempts: 0,
    };
    this.#storing = [...this.#storing, provisional];
    this.#emit();
    const next = this.#enqueuing.then(() => this.#enqueue(caseId, edit, baseModified, provisional));
    this.#enqueuing = next.catch(() => undefined);
    next.catch(() => {
      // Not stored (IndexedDB refused it): it leaves the list, and the caller hears why.
      this.#unlist(provisional);
      this.#emit();
    });
    return next;
  }

  /** The provisional copy of an edit goes, in the same turn as the stored edit comes (never both, never neither). */
  #unlist(provisional: QueuedEdit) {
    this.#storing = this.#storing.filter((q) => q !== provisional);
  }

  async #enqueue(
    caseId: string,
    edit: CaseEdit,
    baseModified: string | undefined,
    provisional: QueuedEdit,
  ): Promise<QueuedEdit> {
    await this.#loaded;
    const waiting = this.#edits.at(-1);
    if (
      edit.kind === 'field' &&
      waiting &&
      waiting.caseId === caseId &&
      waiting.edit.kind === 'field' &&
      waiting.edit.field === edit.field &&
      (waiting.status === 'queued' || waiting.status === 'retrying')
    ) {
      // The same field typed twice in a row: one request with the last value, based on the first edit's base.
      const merged: QueuedEdit = { ...waiting, edit: { ...waiting.edit, value: edit.value } };
      await this.#save(merged);
      this.#edits = this.#edits.map((e) => (e.seq === merged.seq ? merged : e));
      this.#unlist(provisional);
      this.#emit();
      this.#broadcast({ type: 'changed' });
      void this.flush();
      return merged;
    }
    // Date.now() keeps the order across tabs and reloads; the max() keeps it strictly increasing.
    const seq = Math.max(Date.now() * 1000, (this.#edits.at(-1)?.seq ?? 0) + 1);
    const q = await this.#add({ seq, caseId, edit, baseModified, at: Date.now(), status: 'queued', attempts: 0 });
    this.#edits = [...this.#edits, q];
    this.#unlist(provisional);
    this.#emit();
    this.#broadcast({ type: 'changed' });
    void this.flush();
    return q;
  }

  /**
   * Resolves once the edit has been tried: `sent` when the server acknowledged it, else its status in the queue
   * after the attempt (`retrying` while the server cannot be reached, `failed`, `conflict`, or `queued` behind
   * an edit that waits). With `untilSent`, only once it was sent (or discarded). For callers that say what
   * happened, as the pivot menu does.
   */
  settled(seq: number, opts: { untilSent?: boolean } = {}): Promise<EditOutcome> {
    return new Promise((resolve) => {
      // Not in the queue (any more): it was sent, here or by another tab.
      if (!this.#edits.some((e) => e.seq === seq)) return resolve({ status: 'sent' });
      const set = this.#waiters.get(seq) ?? new Set();
      set.add({ untilSent: opts.untilSent ?? false, resolve });
      this.#waiters.set(seq, set);
    });
  }

  #settle(seq: number, outcome: EditOutcome) {
    const set = this.#waiters.get(seq);
    if (!set) return;
    const final = outcome.status === 'sent' || outcome.status === 'discarded';
    for (const w of [...set]) {
      if (!final && w.untilSent) continue;
      set.delete(w);
      w.resolve(outcome);
    }
    if (!set.size) this.#waiters.delete(seq);
  }

  /** After a pass: the edits waited on that are still queued say how they stand; those gone were sent elsewhere. */
  #settleAfterPass() {
    for (const seq of [...this.#waiters.keys()]) {
      const q = this.#edits.find((e) => e.seq === seq);
      if (!q) this.#settle(seq, { status: 'sent' });
      else if (q.status !== 'sending') this.#settle(seq, { status: q.status, error: q.error });
    }
  }

  /** Drops an edit without sending it (a conflict resolved as "keep theirs", a refused edit discarded). */
  async discard(seq: number): Promise<void> {
    const q = this.#edits.find((e) => e.seq === seq);
    if (!q) return;
    await this.#drop(q);
    this.#edits = this.#edits.filter((e) => e.seq !== seq);
    this.#settle(seq, { status: 'discarded' });
    // A case whose creation is discarded takes its other edits with it: they have nowhere to go.
    if (q.edit.kind === 'create')
      for (const e of this.#edits.filter((x) => x.caseId === q.caseId)) await this.discard(e.seq);
    this.#emit();
    this.#broadcast({ type: 'changed' });
  }

  /**
   * Resolves a conflict in favour of the local edit: it is sent over the other version. (To keep the other
   * version, `discard` the edit.)
   */
  async keepMine(seq: number): Promise<void> {
    const q = this.#edits.find((e) => e.seq === seq);
    if (!q || q.status !== 'conflict') return;
    const c = q.conflict;
    let edit = q.edit;
    if (edit.kind === 'field') edit = { ...edit, base: typeof c?.theirs === 'string' ? c.theirs : undefined };
    // The note was changed or removed elsewhere: keeping mine adds it again.
    if (edit.kind === 'edit-text') edit = { kind: 'add-text', text: edit.to };
    const next: QueuedEdit = {
      ...q,
      edit,
      baseModified: c?.modified,
      status: 'queued',
      conflict: undefined,
      error: undefined,
    };
    await this.#update(next);
    void this.flush();
  }

  /** Sends a refused or retrying edit again now. */
  async retry(seq?: number): Promise<void> {
    for (const q of this.#edits) {
      if (seq !== undefined && q.seq !== seq) continue;
      if (q.status === 'failed' || q.status === 'retrying') await this.#update({ ...q, status: 'queued' });
    }
    this.#delayFor = 0;
    await this.flush();
  }

  async #update(q: QueuedEdit) {
    await this.#save(q);
    this.#edits = this.#edits.map((e) => (e.seq === q.seq ? q : e));
    this.#emit();
    this.#broadcast({ type: 'changed' });
  }

  /**
   * Sends what can be sent, in order. An edit held by a conflict or a refusal holds back the later edits of
   * the same case and field (so that they do not overtake it); other edits go on. Resolves when the queue has
   * nothing more to send for now.
   */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    const run = async () => {
      await this.#loaded;
      do {
        this.#again = false;
        if (typeof navigator !== 'undefined' && navigator.locks) {
          await navigator.locks.request(this.#lockName, () => this.#sendAll());
        } else await this.#sendAll();
      } while (this.#again);
    };
    this.#flushing = run().finally(() => {
      this.#flushing = undefined;
      this.#settleAfterPass();
    });
    return this.#flushing;
  }

  async #sendAll(): Promise<void> {
    // Another tab may have sent (and removed) edits meanwhile: start from what IndexedDB holds now.
    await this.#reload();
    const client = this.#opts.client();
    if (!client?.session) return;
    const blocked = new Set<string>();
    const changed = new Set<string>();
    const created: [string, string][] = [];
    let retryLater = false;
    for (const original of [...this.#edits]) {
      const q = this.#edits.find((e) => e.seq === original.seq);
      if (!q) continue;
      const key = `${q.caseId}\u0000${pendingKey(q.edit)}`;
      const caseKey = `${q.caseId}\u0000*`;
      if (q.status === 'conflict' || q.status === 'failed') {
        blocked.add(key);
        if (q.edit.kind === 'create') blocked.add(caseKey);
        continue;
      }
      if (blocked.has(key) || blocked.has(caseKey)) continue;
      // An edit of a case made offline waits for the case's creation to reach the server.
      if (isLocalCaseId(q.caseId) && q.edit.kind !== 'create') continue;
      if (retryLater) break;
      const uncertain = q.status === 'sending';
      const sending: QueuedEdit = { ...q, status: 'sending', attempts: q.attempts + 1 };
      await this.#update(sending);
      try {
        const result = await this.#send(client, sending, uncertain);
        if (result === 'conflict') continue;
        await this.#drop(sending);
        this.#edits = this.#edits.filter((e) => e.seq !== sending.seq);
        if (result.createdId) {
          // Later edits of the case made offline now go to its server id.
          created.push([sending.caseId, result.createdId]);
          for (const e of this.#edits.filter((x) => x.caseId === sending.caseId)) {
            const moved = { ...e, caseId: result.createdId, baseModified: result.casebook?.modified };
            await this.#save(moved);
            this.#edits = this.#edits.map((x) => (x.seq === e.seq ? moved : x));
          }
        } else if (result.casebook?.modified) {
          // Our own write changed `modified`: later edits of this case were made on top of it, not over it.
          for (const e of this.#edits.filter((x) => x.caseId === sending.caseId && x.status === 'queued')) {
            const rebased = { ...e, baseModified: result.casebook.modified };
            await this.#save(rebased);
            this.#edits = this.#edits.map((x) => (x.seq === e.seq ? rebased : x));
          }
        }
        changed.add(result.createdId ?? sending.caseId);
        this.#delayFor = 0;
        this.#emit();
        this.#opts.onAck?.({ edit: sending, casebook: result.casebook, createdId: result.createdId });
        this.#settle(sending.seq, { status: 'sent', casebook: result.casebook, createdId: result.createdId });
      } catch (e) {
        const kind = classifyFailure(e);
        const status = isPivotkitError(e, 'HttpStatusError') ? e.status : undefined;
        const missing = isPivotkitError(e, 'ScopeError') ? e.missingScopes : undefined;
        await this.#update({
          ...sending,
          status: kind === 'retry' ? 'retrying' : 'failed',
          error: e instanceof Error ? e.message : String(e),
          httpStatus: status,
          missingScopes: missing,
        });
        if (kind === 'retry') retryLater = true;
        else blocked.add(key);
      }
    }
    if (changed.size || created.length) {
      this.#broadcast({ type: 'changed', cases: [...changed], created });
      this.#serverChanged([...changed], created);
    }
    if (retryLater) this.#schedule();
  }

  #schedule() {
    clearTimeout(this.#timer);
    const first = this.#opts.retryDelay ?? 2000;
    this.#delayFor = Math.min(this.#delayFor ? this.#delayFor * 2 : first, this.#opts.maxRetryDelay ?? 30_000);
    this.#timer = setTimeout(() => void this.flush(), this.#delayFor);
  }

  async #conflict(q: QueuedEdit, theirs: unknown, modified: string | undefined): Promise<'conflict'> {
    await this.#update({ ...q, status: 'conflict', conflict: { theirs, modified }, error: undefined });
    return 'conflict';
  }

  async #send(
    client: PivotkitClient,
    q: QueuedEdit,
    uncertain: boolean,
  ): Promise<{ casebook?: Casebook; createdId?: string } | 'conflict'> {
    const cbs = client.casebooks;
    const e = q.edit;
    const id = q.caseId;
    switch (e.kind) {
      case 'create': {
        const cb = await cbs.create(e.input);
        return { casebook: cb, createdId: cb.id };
      }
      case 'delete':
        await cbs.delete(id).catch((err: unknown) => {
          // Already gone (a resend after a crash, or deleted elsewhere): what the analyst asked for holds.
          if (!isPivotkitError(err, 'NotFoundError')) throw err;
        });
        return {};
      case 'field': {
        const server = await cbs.get(id);
        const theirs = server[e.field];
        const current = typeof theirs === 'string' ? theirs : undefined;
        if (current !== e.value && server.modified !== q.baseModified && current !== e.base) {
          return this.#conflict(q, current ?? '', server.modified);
        }
        if (current === e.value) return { casebook: server };
        const patch: Partial<Record<CaseField, string>> = { [e.field]: e.value };
        return { casebook: await cbs.update(id, patch as Parameters<typeof cbs.update>[1]) };
      }
      case 'add-observables': {
        let add = e.observables;
        if (uncertain || q.attempts > 1) {
          // The earlier attempt may have reached the server: CTIA does not dedupe, so add only what is missing.
          const server = await cbs.get(id);
          add = add.filter((o) => !(server.observables ?? []).some((s) => sameObservable(s, o)));
          if (!add.length) return { casebook: server };
        }
        return { casebook: await cbs.addObservables(id, add) };
      }
      case 'remove-observables':
        return { casebook: await cbs.removeObservables(id, e.observables) };
      case 'add-text': {
        if (uncertain || q.attempts > 1) {
          const server = await cbs.get(id);
          if ((server.texts ?? []).some((t) => sameText(t, e.text))) return { casebook: server };
        }
        return { casebook: await cbs.addTexts(id, [e.text]) };
      }
      case 'remove-text': {
        const api = client as Partial<PivotkitApiClient>;
        if (api.casebooks?.removeTexts) return { casebook: await api.casebooks.removeTexts(id, [e.text]) };
        const server = await cbs.get(id);
        return { casebook: await cbs.update(id, { texts: (server.texts ?? []).filter((t) => !sameText(t, e.text)) }) };
      }
      case 'edit-text': {
        // CTIA has no "replace one text": rewrite the list with this note changed in place, if it is still there.
        const server = await cbs.get(id);
        const texts = server.texts ?? [];
        if (texts.some((t) => sameText(t, e.to)) && !texts.some((t) => sameText(t, e.from)))
          return { casebook: server };
        const i = texts.findIndex((t) => sameText(t, e.from));
        if (i < 0) return this.#conflict(q, null, server.modified);
        const next = texts.map((t, j) => (j === i ? e.to : t));
        return { casebook: await cbs.update(id, { texts: next }) };
      }
      case 'bundle': {
        const api = client as Partial<PivotkitApiClient>;
        if (!api.casebooks?.patchBundle) return {};
        return { casebook: await api.casebooks.patchBundle(id, 'add', e.bundle) };
      }
    }
  }
}
