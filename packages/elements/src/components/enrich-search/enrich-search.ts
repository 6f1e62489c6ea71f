import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus } from '@lit/task';
import { deriveVerdicts, observableKey } from '@pivotkit/sdk';
import type { EnrichResult, ModuleError, ModuleResult, Observable, ObservableVerdict } from '@pivotkit/sdk';
import { announce } from '../../a11y/announce.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonAppsEn } from '../../i18n/ribbon-apps.js';
import { SessionController } from '../../controllers/session-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ToolbarController } from '../../controllers/toolbar-controller.js';
import { currentCase } from '../../state/current-case.js';
import { midsKey, settings } from '../../state/settings.js';
import { missingScopesNotice, signedOutPrompt } from '../../templates/session.js';
import { tokens } from '../../styles/tokens.js';
import '../observable/pk-observable.js';
import { addToCase, messageOf } from './add-to-case.js';
import { appStyles } from './app.styles.js';
import styles from './enrich-search.styles.js';
import { dedupeObservables, extractObservables, type Extraction } from './extract.js';

/** Module instances the API has named on this page (id → name): what "to N modules" counts before a call. */
const knownModules = new Map<string, string>();

interface Found extends Extraction {
  /** Where the list came from: the local detector or the Inspect API. */
  source: 'local' | 'inspect';
}

interface Progress {
  /** Modules that answered, in order, with how many verdicts each gave. */
  answered: Map<string, { module: string; verdicts: number }>;
  errors: ModuleError[];
}

/**
 * @tag pk-enrich-search
 * @summary The enrichment search box: paste any text, see the observables in it, enrich them, add them to a case.
 * @status experimental
 * @since 0.1
 * @dependency pk-observable
 *
 * @description Observables are found in the browser (`@pivotkit/sdk/detect`) as the analyst types or pastes;
 * one value per line works as bulk input. When nothing is found in pasted text, or when the analyst asks, the
 * text goes to the Inspect API. The de-duplicated list and what enriching it will send ("14 observables, will
 * send 14 enrich requests to 5 modules"; the module count is what the API named so far on this page) show before
 * anything is sent. Enrich asks `deliberate` of the modules chosen in Settings (`mids`; all when none is chosen)
 * and shows each module's answer as it arrives (a change of the choice drops what the old modules said); Cancel aborts it and
 * keeps what arrived. Each observable has its pivot menu. "Add all" adds the list to the current case, or to a new
 * case that becomes current. The text is never cleared by a failure. Reads the session and the current case from
 * the state layer; signed out, local detection still works and the enrich actions offer sign-in.
 *
 * Keyboard: Ctrl+Enter (⌘+Enter) in the text box finds the observables (asking Inspect when none are found).
 * The actions under the text box and those for the listed observables are two WAI-ARIA toolbars: one Tab stop
 * each, ArrowLeft/ArrowRight between the buttons, Home/End to the ends. Each observable's pivot button opens its
 * menu.
 *
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in".
 *
 * @csspart base - The container.
 * @csspart label - The text box's label.
 * @csspart input - The text box.
 * @csspart help - The line under the text box.
 * @csspart toolbar - The row of actions under the text box.
 * @csspart detect - The "Find observables" button.
 * @csspart inspect - The "Ask the Inspect API" button.
 * @csspart clear - The "Clear" button.
 * @csspart summary - What will be sent: observables, requests, modules.
 * @csspart note - A secondary line (duplicates removed, lines not read).
 * @csspart actions - The toolbar of actions for the listed observables (Enrich or Cancel, the add actions).
 * @csspart enrich - The Enrich button.
 * @csspart cancel - The Cancel button while enriching.
 * @csspart progress - The per-module progress (bar and lines).
 * @csspart module - One module's progress line.
 * @csspart module--error - A module's failure.
 * @csspart results - The list of observables.
 * @csspart result - One observable's row (holds a `pk-observable`).
 * @csspart add-all - The "Add all to the current case" button.
 * @csspart add-all-new - The "Add all to a new case" button.
 * @csspart status - A status line: signing in, asking the Inspect API, nothing found.
 * @csspart error - A failure's message, where it happened.
 * @csspart signed-out - The signed-out prompt; `sign-in` is its button.
 * @csspart missing-scopes - Which scopes are missing for what.
 *
 * @cssproperty [--padding=0.75rem] - Space inside the container.
 * @cssproperty [--input-rows=5] - Height of the text box, in lines.
 * @cssproperty [--results-max-height=40vh] - Tallest the list of observables grows before it scrolls.
 */
export class PkEnrichSearch extends LitElement {
  static override styles = [tokens, appStyles, styles];

  /** The text in the box (kept on every error; setting it runs local detection). */
  get value(): string {
    return this._text;
  }
  set value(v: string) {
    this._text = v ?? '';
    this.#detectLocally();
  }

  /** @internal */
  @state() private _text = '';
  /** @internal */
  @state() private _found: Found | undefined;
  /** @internal */
  @state() private _verdicts = new Map<string, ObservableVerdict>();
  /** @internal */
  @state() private _progress: Progress = { answered: new Map(), errors: [] };
  /** @internal */
  @state() private _addState: { s: 'idle' } | { s: 'adding' } | { s: 'error'; msg: string } = { s: 'idle' };

  readonly #l = new LocalizeController(this, ribbonAppsEn);
  readonly #session = new SessionController(this);
  readonly #case = new StoreController(this, currentCase);
  readonly #settings = new StoreController(this, settings);
  /** The module set the shown verdicts came from (`midsKey`); undefined before any enrichment. */
  #enrichedWith: string | undefined;
  readonly #toolbar = new ToolbarController(this, () => this.#buttonsIn('toolbar'));
  readonly #actions = new ToolbarController(this, () => this.#buttonsIn('actions'));
  #pasted = false;

  readonly #inspect = new Task(this, {
    autoRun: false,
    task: async ([text]: readonly [string], { signal }) => {
      const client = this.#session.client;
      if (!client) throw new Error(this.#l.t.signedOut);
      const list = dedupeObservables(await client.inspect(text, { signal }));
      this._found = { observables: list, duplicates: 0, unrecognised: [], bulk: false, source: 'inspect' };
      return list;
    },
  });

  readonly #enrich = new Task(this, {
    autoRun: false,
    task: async ([observables]: readonly [Observable[]], { signal }): Promise<EnrichResult> => {
      const client = this.#session.client;
      if (!client) throw new Error(this.#l.t.signedOut);
      this._progress = { answered: new Map(), errors: [] };
      const parts: ModuleResult[] = [];
      const mids = this.#settings.value.mids;
      this.#enrichedWith = midsKey(mids);
      const result = await client.enrich.deliberate(observables, {
        signal,
        mids,
        onModule: (m) => {
          if (signal.aborted) return;
          parts.push(m);
          knownModules.set(m.moduleInstanceId, m.module);
          const answered = new Map(this._progress.answered);
          const prev = answered.get(m.moduleInstanceId)?.verdicts ?? 0;
          answered.set(m.moduleInstanceId, { module: m.module, verdicts: prev + m.verdicts.length });
          this._progress = { ...this._progress, answered };
          this.#mergeVerdicts(deriveVerdicts(parts));
        },
      });
      for (const m of result.modules) knownModules.set(m.moduleInstanceId, m.module);
      for (const e of result.errors) knownModules.set(e.moduleInstanceId, e.module ?? e.moduleInstanceId);
      const answered = new Map(this._progress.answered);
      for (const m of result.modules)
        if (!answered.has(m.moduleInstanceId))
          answered.set(m.moduleInstanceId, { module: m.module, verdicts: m.verdicts.length });
      this._progress = { answered, errors: result.errors };
      this.#mergeVerdicts(result.verdicts);
      announce(this.#l.t.enrichDone(observables.length));
      return result;
    },
  });

  protected override willUpdate(): void {
    // The module set changed (in Settings, here or in another tab): what the old set answered is not shown.
    if (this.#enrichedWith === undefined || midsKey(this.#settings.value.mids) === this.#enrichedWith) return;
    this.#enrichedWith = undefined;
    this.#enrich.abort();
    this._verdicts = new Map();
    this._progress = { answered: new Map(), errors: [] };
  }

  #mergeVerdicts(list: readonly ObservableVerdict[]): void {
    const next = new Map(this._verdicts);
    for (const v of list) next.set(observableKey(v.observable), v);
    this._verdicts = next;
  }

  /** Finds the observables in the text now (Inspect when none are found), as Ctrl+Enter does. */
  async find(): Promise<void> {
    this.#detectLocally();
    if (this._found && this._found.observables.length === 0 && this._text.trim() && this.#canInspect())
      await this.#inspect.run([this._text]);
  }

  /** Starts enriching the listed observables; resolves when done, failed or cancelled. */
  async enrichAll(): Promise<void> {
    const list = this._found?.observables ?? [];
    if (!list.length) return;
    await this.#enrich.run([list]);
  }

  #detectLocally(): void {
    const text = this._text;
    if (!text.trim()) {
      this._found = undefined;
      return;
    }
    this._found = { ...extractObservables(text), source: 'local' };
  }

  #buttonsIn(part: string): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~="${part}"] button`)];
  }

  #canInspect(): boolean {
    return this.#session.state.status === 'signed-in' && this.#session.can('inspect');
  }

  #onInput(e: InputEvent): void {
    this._text = (e.target as HTMLTextAreaElement).value;
    this.#detectLocally();
    if (this.#pasted) {
      this.#pasted = false;
      void this.find();
    }
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.find();
    }
  }

  #clear(): void {
    this.#enrich.abort();
    this.#inspect.abort();
    this._text = '';
    this._found = undefined;
    this._verdicts = new Map();
    this._progress = { answered: new Map(), errors: [] };
    this._addState = { s: 'idle' };
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  async #addAll(newCase: boolean): Promise<void> {
    const client = this.#session.client;
    const list = this._found?.observables ?? [];
    if (!client || !list.length) return;
    this._addState = { s: 'adding' };
    try {
      const first = list[0]!;
      const title = list.length === 1 ? `${first.type} ${first.value}` : this.#l.t.observablesCount(list.length);
      const r = await addToCase(client, list, newCase || !this.#case.value ? { newCase: { title } } : {});
      this._addState = { s: 'idle' };
      announce(this.#l.t.addedNToCase(list.length, r.title));
    } catch (e) {
      this._addState = { s: 'error', msg: messageOf(e) };
    }
  }

  override render(): TemplateResult {
    const t = this.#l.t;
    const busy = this.#inspect.status === TaskStatus.PENDING;
    return html`<div part="base">
      <label part="label" id="label" for="text">${t.enrichSearchLabel}</label>
      <textarea
        id="text"
        part="input"
        rows="5"
        spellcheck="false"
        autocomplete="off"
        placeholder=${t.enrichSearchPlaceholder}
        aria-describedby="help"
        .value=${this._text}
        @paste=${() => (this.#pasted = true)}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
      ></textarea>
      <p id="help" part="help" class="muted">${t.enrichSearchHelp}</p>
      <div
        part="toolbar"
        class="row"
        role="toolbar"
        aria-labelledby="label"
        @keydown=${this.#toolbar.handleKeydown}
        @focusin=${this.#toolbar.handleFocusin}
      >
        <button type="button" part="detect" ?disabled=${!this._text.trim()} @click=${() => void this.find()}>
          ${t.detect}
        </button>
        ${
          this.#canInspect()
            ? html`<button
                type="button"
                part="inspect"
                ?disabled=${!this._text.trim() || busy}
                @click=${() => void this.#inspect.run([this._text])}
              >
                ${t.inspectWithApi}
              </button>`
            : nothing
        }
        <button type="button" part="clear" ?disabled=${!this._text} @click=${this.#clear}>${t.clearSearch}</button>
      </div>
      ${this.#renderSession()} ${busy ? html`<p part="status" role="status">${t.askingInspect}</p>` : nothing}
      ${
        this.#inspect.status === TaskStatus.ERROR
          ? html`<p part="error" role="alert">${t.appError(messageOf(this.#inspect.error))}</p>`
          : nothing
      }
      ${this.#renderFound()}
    </div>`;
  }

  #renderSession(): TemplateResult | typeof nothing {
    const t = this.#l.t;
    const s = this.#session.state;
    if (!s.client || s.status === 'signed-out')
      return signedOutPrompt({ t, host: this, after: () => void this.#session.signIn() });
    if (s.status === 'signing-in') return html`<p part="status" role="status">${t.signingIn}</p>`;
    if (s.status === 'error')
      return html`<p part="error" role="alert">${t.appError(messageOf(s.error))}</p>
        ${signedOutPrompt({ t, host: this })}`;
    return missingScopesNotice({ t, scopes: this.#session.missingScopes('enrich'), what: t.enrich });
  }

  #renderFound(): TemplateResult | typeof nothing {
    const t = this.#l.t;
    const found = this._found;
    if (!found) return nothing;
    const list = found.observables;
    if (list.length === 0) {
      if (this.#inspect.status === TaskStatus.PENDING) return nothing;
      return html`<p part="status" role="status">
        ${found.source === 'inspect' ? t.nothingFoundInspect : t.noObservablesInText}
      </p>`;
    }
    const s = this.#session.state;
    const signedIn = s.status === 'signed-in' && !!s.client;
    const canEnrich = signedIn && this.#session.can('enrich');
    const canCase = signedIn && this.#session.can('casebook');
    const running = this.#enrich.status === TaskStatus.PENDING;
    const modules = this.#settings.value.mids.length || knownModules.size || undefined;
    const current = this.#case.value;
    return html`<p part="summary" role="status">${t.willEnrich(list.length, modules)}</p>
      ${found.duplicates ? html`<p part="note">${t.duplicatesRemoved(found.duplicates)}</p>` : nothing}
      ${found.unrecognised.length ? html`<p part="note">${t.unrecognisedLines(found.unrecognised)}</p>` : nothing}
      <div
        part="actions"
        class="row"
        role="toolbar"
        aria-label=${t.resultsLabel}
        @keydown=${this.#actions.handleKeydown}
        @focusin=${this.#actions.handleFocusin}
      >
        ${
          running
            ? html`<button type="button" part="cancel" @click=${() => this.#enrich.abort()}>${t.cancel}</button>`
            : html`<button
                type="button"
                part="enrich"
                class="primary"
                ?disabled=${!canEnrich}
                @click=${() => void this.enrichAll()}
              >
                ${t.enrich}
              </button>`
        }
        ${
          canCase
            ? html`${
                  current
                    ? html`<button
                        type="button"
                        part="add-all"
                        ?disabled=${this._addState.s === 'adding'}
                        @click=${() => void this.#addAll(false)}
                      >
                        ${t.addAllToCase(current.title ?? current.id)}
                      </button>`
                    : nothing
                }
                <button
                  type="button"
                  part="add-all-new"
                  ?disabled=${this._addState.s === 'adding'}
                  @click=${() => void this.#addAll(true)}
                >
                  ${t.addAllToNewCase}
                </button>`
            : nothing
        }
      </div>
      ${
        this._addState.s === 'error'
          ? html`<p part="error" role="alert">${t.addFailed(this._addState.msg)}</p>`
          : nothing
      }
      ${this.#renderProgress(modules)}
      <ul role="list" part="results" aria-label=${t.resultsLabel}>
        ${list.map((o) => {
          const v = this._verdicts.get(observableKey(o));
          return html`<li part="result">
            <pk-observable no-enrich type=${o.type} value=${o.value} .verdict=${v}></pk-observable>
          </li>`;
        })}
      </ul>`;
  }

  #renderProgress(modules: number | undefined): TemplateResult | typeof nothing {
    const t = this.#l.t;
    const status = this.#enrich.status;
    if (status === TaskStatus.INITIAL || this.#enrichedWith === undefined) return nothing;
    const { answered, errors } = this._progress;
    const aborted = status === TaskStatus.ERROR && (this.#enrich.error as Error | undefined)?.name === 'AbortError';
    const done = answered.size + errors.length;
    return html`<div part="progress">
      ${
        status === TaskStatus.PENDING
          ? html`<progress
              max=${modules ?? 1}
              value=${ifDefined(modules ? Math.min(done, modules) : undefined)}
              aria-label=${t.enriching}
            ></progress>`
          : nothing
      }
      <p role="status">
        ${
          status === TaskStatus.PENDING
            ? t.moduleProgress(done, modules)
            : aborted
              ? t.enrichCancelled
              : status === TaskStatus.ERROR
                ? nothing
                : t.moduleProgress(done, done)
        }
      </p>
      <ul role="list">
        ${[...answered.values()].map((m) => html`<li part="module">${t.moduleAnswered(m.module, m.verdicts)}</li>`)}
        ${errors.map(
          (e) =>
            html`<li part="module module--error">${t.moduleFailed(e.module ?? e.moduleInstanceId, e.message)}</li>`,
        )}
      </ul>
      ${
        status === TaskStatus.ERROR && !aborted
          ? html`<p part="error" role="alert">${t.appError(messageOf(this.#enrich.error))}</p>`
          : nothing
      }
    </div>`;
  }
}
