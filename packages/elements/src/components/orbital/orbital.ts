import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import {
  ORBITAL_SCOPE,
  isRegion,
  orbitalConsoleUrl,
  orbitalQuestionsFor,
  scopeCovers,
  type Observable,
  type OrbitalClient,
  type OrbitalHostResult,
  type OrbitalQuestion,
} from '@pivotkit/sdk';
import { detectObservables } from '@pivotkit/sdk/detect';
import { announce } from '../../a11y/announce.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonAppsEn } from '../../i18n/ribbon-apps.js';
import { SessionController } from '../../controllers/session-controller.js';
import { missingScopesNotice, signedOutPrompt } from '../../templates/session.js';
import { tokens } from '../../styles/tokens.js';
import { messageOf } from '../enrich-search/add-to-case.js';
import { appStyles } from '../enrich-search/app.styles.js';
import styles from './orbital.styles.js';

/** Longest a live query is followed before its results are shown as they are (polls, not a timer per row). */
const MAX_POLLS = 15;
const POLL_MS = 2000;

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const id = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(id);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

interface LiveRun {
  questionId: string;
  hosts: OrbitalHostResult[];
  complete: boolean;
}

/**
 * @tag pk-orbital
 * @summary Endpoint questions about an observable, answered by Orbital: open one in the Orbital console, or run it
 * live where the host configured the Orbital API.
 * @status experimental
 * @since 0.1
 *
 * @description Needs the `orbital` scope (it says so when the token lacks it). For an observable (set
 * `observable`, or type one), it lists what Orbital can ask the organisation's endpoints ("Which hosts resolved
 * evil.example.net?", "Which hosts are connected to 198.51.100.7?", "Which hosts hold a file with hash …?"), each with
 * its osquery SQL, a link that opens the regional Orbital console with the query filled in, and, when `orbital`
 * (an `OrbitalClient` from `createOrbitalClient`) is set, "Run live": a live query on the `nodes` selectors whose
 * results (per host, with the rows that matched) are read through the results route. See
 * docs/decisions/0007-orbital-api-shapes.md for the wire shapes.
 *
 * Keyboard: every question's actions are links and buttons in tab order; the observable box updates the
 * questions as it is typed in.
 *
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in".
 *
 * @csspart base - The container.
 * @csspart observable - The observable box.
 * @csspart nodes - The endpoint selectors box (shown with `orbital`).
 * @csspart questions - The list of questions.
 * @csspart question - One question.
 * @csspart question__text - Its sentence.
 * @csspart sql - Its osquery SQL.
 * @csspart console-link - "Open in Orbital".
 * @csspart run - "Run live".
 * @csspart results - A live query's results.
 * @csspart host - One host's answer.
 * @csspart status - A status line.
 * @csspart note - A secondary line.
 * @csspart error - A failure's message, where it happened.
 * @csspart signed-out - The signed-out prompt; `sign-in` is its button.
 * @csspart missing-scopes - Which scope is missing.
 *
 * @cssproperty [--padding=0.75rem] - Space inside the container.
 */
export class PkOrbital extends LitElement {
  static override styles = [tokens, appStyles, styles];

  /** The observable to ask about; the box shows its value and the analyst may type another. */
  @property({ attribute: false }) observable: Observable | undefined;

  /** The Orbital API client; without it questions open in the console only. */
  @property({ attribute: false }) orbital: OrbitalClient | undefined;

  /** The node selectors live queries go to (space-separated, as Orbital writes them). */
  @property() nodes = 'os:windows os:macos os:linux';

  /** @internal */
  @state() private _text = '';

  readonly #l = new LocalizeController(this, ribbonAppsEn);
  readonly #session = new SessionController(this);

  readonly #run = new Task(this, {
    autoRun: false,
    task: async ([question, observable]: readonly [OrbitalQuestion, Observable], { signal }): Promise<LiveRun> => {
      const orbital = this.orbital;
      if (!orbital) throw new Error(this.#l.t.orbitalNotConfigured);
      const { jobId } = await orbital.run(
        {
          name: `Pivotkit: ${question.id} ${observable.value}`.slice(0, 200),
          nodes: this.nodes.split(/\s+/).filter(Boolean),
          sql: [{ label: question.id, sql: question.sql(observable) }],
        },
        { signal },
      );
      const hosts: OrbitalHostResult[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < MAX_POLLS; i++) {
        const page = await orbital.results(jobId, { signal, ...(cursor ? { cursor } : {}) });
        hosts.push(...page.hosts);
        if (page.complete) return { questionId: question.id, hosts, complete: true };
        // An echoed cursor means "nothing new yet, come back later" (Orbital's Results API).
        if (page.cursor === cursor || page.hosts.length === 0) await wait(POLL_MS, signal);
        cursor = page.cursor;
      }
      return { questionId: question.id, hosts, complete: false };
    },
    onComplete: (r) => announce(this.#l.t.orbitalHostsAnswered(r.hosts.length, this.#hits(r.hosts))),
  });
  /** Which question the last live run was for. */
  #runFor: string | undefined;

  #hits(hosts: OrbitalHostResult[]): number {
    return hosts.filter((h) => h.tables.some((t) => t.rows.length > 0)).length;
  }

  /** The observable the questions are about: the typed one, else `observable`. */
  #current(): Observable | undefined {
    const text = this._text.trim();
    if (!text) return this.observable;
    if (this.observable && text === this.observable.value) return this.observable;
    const [m] = detectObservables(text, { lowConfidence: true, nested: false });
    return m ? { type: m.type, value: m.value } : undefined;
  }

  #missing(): string[] {
    // A bare token from a token provider says nothing about its scopes: the service decides.
    if (this.#session.client?.session?.scopesUnknown) return [];
    const scopes = this.#session.state.scopes;
    return scopes.some((g) => scopeCovers(g, ORBITAL_SCOPE)) ? [] : [ORBITAL_SCOPE];
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('observable') && this.observable) this._text = this.observable.value;
  }

  override render(): TemplateResult {
    return html`<div part="base">${this.#renderGate() ?? this.#renderApp()}</div>`;
  }

  #renderGate(): TemplateResult | undefined {
    const t = this.#l.t;
    const s = this.#session.state;
    if (!s.client || s.status === 'signed-out')
      return signedOutPrompt({ t, host: this, after: () => void this.#session.signIn() });
    if (s.status === 'signing-in') return html`<p part="status" role="status">${t.signingIn}</p>`;
    if (s.status === 'error')
      return html`<p part="error" role="alert">${t.appError(messageOf(s.error))}</p>
        ${signedOutPrompt({ t, host: this })}`;
    const missing = this.#missing();
    if (missing.length) return html`${missingScopesNotice({ t, scopes: missing, what: t.orbitalLabel })}`;
    return undefined;
  }

  #renderApp(): TemplateResult {
    const t = this.#l.t;
    const o = this.#current();
    const questions = o ? orbitalQuestionsFor(o) : [];
    const region = this.#session.state.region;
    return html`<label for="observable">${t.orbitalObservable}</label>
      <input
        id="observable"
        part="observable"
        type="text"
        spellcheck="false"
        autocomplete="off"
        placeholder=${t.orbitalObservablePlaceholder}
        .value=${live(this._text)}
        @input=${(e: Event) => (this._text = (e.target as HTMLInputElement).value)}
      />
      ${
        this.orbital
          ? html`<label for="nodes">${t.orbitalNodes}</label>
              <input
                id="nodes"
                part="nodes"
                type="text"
                spellcheck="false"
                .value=${live(this.nodes)}
                @input=${(e: Event) => (this.nodes = (e.target as HTMLInputElement).value)}
              />`
          : html`<p part="note">${t.orbitalNotConfigured}</p>`
      }
      ${
        !o
          ? html`<p part="status">${t.orbitalEnterObservable}</p>`
          : questions.length === 0
            ? html`<p part="status" role="status">${t.orbitalNoQuestions(t.observableTypeLabel(o.type))}</p>`
            : html`<p part="status" role="status">${t.orbitalQuestions(questions.length)}</p>
                <ul role="list" part="questions">
                  ${questions.map((q) => this.#renderQuestion(q, o, isRegion(region) ? region : undefined))}
                </ul>`
      }`;
  }

  #renderQuestion(q: OrbitalQuestion, o: Observable, region: Parameters<typeof orbitalConsoleUrl>[0]): TemplateResult {
    const t = this.#l.t;
    const sql = q.sql(o);
    const id = `q-${q.id}`;
    const mine = this.#runFor === `${q.id}|${o.type}|${o.value}`;
    const running = mine && this.#run.status === TaskStatus.PENDING;
    return html`<li part="question" aria-labelledby=${id}>
      <p part="question__text" id=${id}>${t.orbitalQuestion(q.id, o.value)}</p>
      <code part="sql">${sql}</code>
      <div class="row">
        <a part="console-link" href=${orbitalConsoleUrl(region, sql)} target="_blank" rel="noopener noreferrer"
          >${t.openInOrbital}<span class="visually-hidden"> (${t.opensInNewTab})</span></a
        >
        ${
          this.orbital
            ? html`<button
                type="button"
                part="run"
                aria-describedby=${id}
                ?disabled=${running}
                @click=${() => {
                  this.#runFor = `${q.id}|${o.type}|${o.value}`;
                  void this.#run.run([q, o]);
                }}
              >
                ${t.runLive}
              </button>`
            : nothing
        }
      </div>
      ${mine ? this.#renderRun() : nothing}
    </li>`;
  }

  #renderRun(): unknown {
    const t = this.#l.t;
    return this.#run.render({
      pending: () => html`<p part="status" role="status">${t.runningLive}</p>`,
      error: (e) => html`<p part="error" role="alert">${t.appError(messageOf(e))}</p>`,
      complete: (r) => {
        const hits = r.hosts.filter((h) => h.error || h.tables.some((x) => x.rows.length > 0 || x.error));
        return html`<div part="results">
          <p part="status" role="status">${t.orbitalHostsAnswered(r.hosts.length, this.#hits(r.hosts))}</p>
          ${hits.length === 0 ? html`<p part="note">${t.orbitalNoHits}</p>` : nothing}
          ${hits.map(
            (h) =>
              html`<section part="host" aria-label=${h.hostname}>
                <h4>${h.hostname}${h.os ? html` <span class="muted">(${h.os})</span>` : nothing}</h4>
                ${h.error ? html`<p part="error">${t.orbitalHostError(h.hostname, h.error)}</p>` : nothing}
                ${h.tables.map((tb) =>
                  tb.error
                    ? html`<p part="error">${t.orbitalHostError(h.hostname, tb.error)}</p>`
                    : tb.rows.length
                      ? html`<div class="table-wrap">
                          <table>
                            <thead>
                              <tr>
                                ${tb.columns.map((c) => html`<th scope="col">${c}</th>`)}
                              </tr>
                            </thead>
                            <tbody>
                              ${tb.rows.map(
                                (row) =>
                                  html`<tr>
                                    ${row.map((cell) => html`<td>${cell}</td>`)}
                                  </tr>`,
                              )}
                            </tbody>
                          </table>
                        </div>`
                      : nothing,
                )}
              </section>`,
          )}
        </div>`;
      },
    });
  }
}
