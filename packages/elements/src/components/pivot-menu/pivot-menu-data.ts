import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type {
  Disposition,
  Feature,
  ModuleError,
  Observable,
  PivotkitClient,
  ReferLink,
  ResponseAction,
} from '@pivotkit/sdk';
import { StoreController } from '../../controllers/store-controller.js';
import { caseTitles, currentCase } from '../../state/current-case.js';
import { session } from '../../state/session.js';
import { midsKey, settings, type Settings } from '../../state/settings.js';

export type Auth = 'none' | 'signing-in' | 'failed' | 'ready';

export interface ModuleVerdict {
  module: string;
  disposition: Disposition;
}

export interface Verdicts {
  modules: ModuleVerdict[];
  errors: ModuleError[];
  conflict: boolean;
}

/** What the data controller needs from the menu. */
export interface PivotMenuDataHost extends ReactiveControllerHost {
  readonly open: boolean;
  readonly observable: Observable | undefined;
  /** The client the menu uses: its own, else the session's. */
  readonly effectiveClient: PivotkitClient | undefined;
}

const sameObservable = (a: Observable, b: Observable) => a.type === b.type && a.value === b.value;
const EMPTY: Verdicts = { modules: [], errors: [], conflict: false };

/**
 * The menu's data: sign-in, then verdicts, refer links, response actions and the current case's title, each a
 * `Task` whose `AbortSignal` reaches the SDK. Every open starts a new run (closing aborts it), a newer observable
 * aborts the older run, and only the latest answer is shown. Verdicts come from the modules of the `mids` setting
 * (all when empty); a change of it while the menu is open asks again.
 */
export class PivotMenuData {
  /** Bumped on every open, so reopening for the same observable asks again. */
  #opened = 0;
  /** Bumped after a response action succeeded: the offer changes with the state. */
  #actionsAsked = 0;
  /** Verdicts that have arrived while `deliberate` is still running. */
  partial: Verdicts = EMPTY;

  readonly currentCase: StoreController<ReturnType<typeof currentCase.get>>;
  /** The settings: the enrichment asks the modules of `mids`, and asks again when they change. */
  readonly settings: StoreController<Settings>;

  readonly auth: Task<readonly [PivotkitClient | undefined, boolean, number], Auth>;
  readonly verdicts: Task<
    readonly [PivotkitClient | undefined, Observable | undefined, boolean, string],
    Verdicts | undefined
  >;
  readonly links: Task<
    readonly [PivotkitClient | undefined, Observable | undefined, boolean],
    { links: ReferLink[]; errors: ModuleError[] } | undefined
  >;
  readonly actions: Task<
    readonly [PivotkitClient | undefined, Observable | undefined, boolean, number],
    { actions: ResponseAction[]; errors: ModuleError[] } | undefined
  >;
  readonly caseTitle: Task<readonly [PivotkitClient | undefined, string | undefined, boolean], void>;

  constructor(private host: PivotMenuDataHost) {
    this.currentCase = new StoreController(host, currentCase);
    this.settings = new StoreController(host, settings);
    this.auth = new Task(host, {
      args: () => [host.effectiveClient, host.open && !!host.observable, this.#opened] as const,
      task: async ([client, open], { signal }): Promise<Auth> => {
        if (!client || !open) return 'none';
        if (client.session) return 'ready';
        if (client === session.get().client) {
          // The page's client: sign in through the session, so every element follows.
          return (await session.signIn({ signal })) ? 'ready' : 'failed';
        }
        await client.signIn({ signal }).catch(() => {
          signal.throwIfAborted();
          throw new Error('sign-in failed');
        });
        return 'ready';
      },
    });
    const ready = () => this.state === 'ready';
    this.verdicts = new Task(host, {
      args: () =>
        [
          host.effectiveClient,
          host.observable,
          this.#want('enrich', ready()),
          midsKey(this.settings.value.mids),
        ] as const,
      task: ([client, o, want], { signal }) =>
        want && client && o ? this.#loadVerdicts(client, o, signal, this.settings.value.mids) : undefined,
    });
    this.links = new Task(host, {
      args: () => [host.effectiveClient, host.observable, this.#want('refer', ready())] as const,
      task: ([client, o, want], { signal }) => (want && client && o ? client.enrich.refer([o], { signal }) : undefined),
    });
    this.actions = new Task(host, {
      args: () => [host.effectiveClient, host.observable, this.#want('response', ready()), this.#actionsAsked] as const,
      task: ([client, o, want], { signal }) =>
        want && client && o ? client.response.actions([o], { signal }) : undefined,
    });
    this.caseTitle = new Task(host, {
      args: () => [host.effectiveClient, this.caseId ?? undefined, this.#want('casebook', ready())] as const,
      task: async ([client, id, want], { signal }) => {
        if (!want || !client || !id || caseTitles.get(id)) return;
        // A deleted or foreign case: the item still shows its id.
        const c = await client.casebooks.get(id, { signal }).catch(() => undefined);
        if (c && !signal.aborted) caseTitles.remember(id, c.title || id);
      },
    });
  }

  /** Starts a fresh load (the menu opened). */
  reload(): void {
    this.#opened++;
    this.#refreshing = undefined;
    this.partial = EMPTY;
    this.host.requestUpdate();
  }

  /** Asks for the response actions again, keeping the current list on screen meanwhile. */
  refreshActions(): void {
    this.#refreshing = this.actions.value;
    this.#actionsAsked++;
    this.host.requestUpdate();
  }

  #refreshing: { actions: ResponseAction[]; errors: ModuleError[] } | undefined;

  /** The actions to show: while a refresh runs, the previous list (so the focused item stays). */
  get shownActions(): { actions: ResponseAction[]; errors: ModuleError[] } | undefined {
    if (this.actions.status === TaskStatus.PENDING && this.#refreshing) return this.#refreshing;
    this.#refreshing = undefined;
    return this.actions.status === TaskStatus.COMPLETE ? this.actions.value : undefined;
  }

  /** Sign-in state: `none` (no client), `signing-in`, `failed`, `ready`. */
  get state(): Auth {
    const { status, value } = this.auth;
    // A client that has a token is ready at once: no "Signing in…" flash on every open.
    if (status === TaskStatus.PENDING) return this.host.effectiveClient?.session ? 'ready' : 'signing-in';
    if (status === TaskStatus.ERROR) return 'failed';
    return value ?? 'none';
  }

  /** Resolves once sign-in is decided for the current open. */
  async settled(): Promise<void> {
    await this.auth.taskComplete.catch(() => {});
  }

  /** The current case id, if any. */
  get caseId(): string | null {
    return this.currentCase.value?.id ?? null;
  }

  /** The current case's title, or its id while the title is unknown. */
  get caseLabel(): string {
    const ref = this.currentCase.value;
    return ref ? (ref.title ?? caseTitles.get(ref.id) ?? ref.id) : '';
  }

  /** Whether the signed-in client may use `feature` (false while not signed in). */
  can(feature: Feature): boolean {
    return this.state === 'ready' && !!this.host.effectiveClient?.can(feature);
  }

  /** Missing scopes for `feature`, once signed in; undefined when allowed or not yet known. */
  missing(feature: Feature): string[] | undefined {
    const client = this.host.effectiveClient;
    if (!client || this.state !== 'ready' || client.can(feature)) return undefined;
    return client.missingScopes(feature);
  }

  #want(feature: Feature, ready: boolean): boolean {
    return this.host.open && ready && !!this.host.effectiveClient?.can(feature);
  }

  async #loadVerdicts(
    client: PivotkitClient,
    o: Observable,
    signal: AbortSignal,
    mids: readonly string[],
  ): Promise<Verdicts> {
    const modules = new Map<string, ModuleVerdict>();
    const conflictOf = (list: ModuleVerdict[]) =>
      new Set(list.map((m) => m.disposition).filter((d) => d !== 5)).size > 1;
    this.partial = EMPTY;
    const r = await client.enrich.deliberate([o], {
      signal,
      mids,
      onModule: (m) => {
        if (signal.aborted) return;
        const v = m.verdicts.find((x) => sameObservable(x.observable, o));
        modules.set(m.moduleInstanceId, { module: m.module, disposition: v?.disposition ?? 5 });
        const list = [...modules.values()];
        this.partial = { modules: list, errors: [], conflict: conflictOf(list) };
        this.host.requestUpdate();
      },
    });
    const ov = r.verdictFor(o);
    for (const m of ov?.modules ?? [])
      modules.set(m.moduleInstanceId, { module: m.module, disposition: m.disposition });
    const list = [...modules.values()];
    return { modules: list, errors: r.errors, conflict: !!ov?.conflict || conflictOf(list) };
  }
}
