import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import {
  REGIONS,
  observableKey,
  shortId,
  type Casebook,
  type Disposition,
  type Observable,
  type PivotkitClient,
} from '@pivotkit/sdk';
import { tokens } from '../../../styles/tokens.js';
import { LocalizeController } from '../../../controllers/localize-controller.js';
import { caseContentEn } from '../../../i18n/case-content.js';
import { SessionController } from '../../../controllers/session-controller.js';
import { StoreController } from '../../../controllers/store-controller.js';
import { ToolbarController } from '../../../controllers/toolbar-controller.js';
import { settings } from '../../../state/settings.js';
import { missingScopesNotice, signedOutPrompt } from '../../../templates/session.js';
import { announce } from '../../../a11y/announce.js';
import { investigate, uniqueObservables, type Investigation } from './run.js';
import {
  DISPOSITION_ORDER,
  SIGHTINGS_NODE,
  buildGraph,
  dispositionOf,
  summarize,
  type Graph,
  type GraphNode,
} from './model.js';
import styles from './case-investigation.styles.js';

// The verdict badge's shapes, so that the picture never relies on colour alone.
const SHAPES: Record<Disposition, SVGTemplateResult> = {
  1: svg`<path d="M3.5 8.5l3 3 6-7" stroke="currentColor" stroke-width="2" fill="none"/>`,
  2: svg`<path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2.2"/>`,
  3: svg`<path d="M8 1.5l7 13H1z" fill="currentColor"/>`,
  4: svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/>`,
  5: svg`<path d="M5.5 6a2.5 2.5 0 1 1 3.3 2.4c-.5.2-.8.6-.8 1.1V10.5M8 12.5v.5" stroke="currentColor" stroke-width="2" fill="none"/>`,
};
const DISPOSITION_CLASS: Record<Disposition, string> = {
  1: 'clean',
  2: 'malicious',
  3: 'suspicious',
  4: 'common',
  5: 'unknown',
};

/** Modules seen answering in this page (instance id → name), for the TLP red notice ("sends the values to …"). */
const seenModules = new Map<string, string>();

// The picture's geometry (viewBox units).
const ROW = 34;
const TOP = 30;
const COLS = [
  { x: 0, w: 250 },
  { x: 330, w: 170 },
  { x: 580, w: 160 },
] as const;
const WIDTH = 740;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * @tag pk-case-investigation
 * @summary "Investigate this case": enriches every observable of a case (verdicts, sightings, links) in batches,
 * then shows the verdict summary, the modules' disagreements, sightings per module, and a picture of the
 * relations (observables → modules → verdicts and sightings) with a table as its text alternative, plus the link
 * to the case in the regional Threat Response console.
 * @status experimental
 * @since 0.1
 *
 * Nothing is sent before the analyst asks. It asks the modules chosen in Settings (`mids`; all when none is
 * chosen), as they are when the run starts. A TLP red case asks through an action that names the modules that will
 * see its values. The run uses the page's session (`configure({ client })` or the ribbon's sign-in) and stops when
 * Cancel is pressed (the task's `AbortSignal` reaches the SDK).
 *
 * @event {PkRequestSignInEvent} pk-request-sign-in - Signed out and the analyst asked to sign in (from the shared prompt).
 *
 * @csspart base - The whole section.
 * @csspart actions - The toolbar with the start / cancel button and the console link (one Tab stop, ArrowLeft/ArrowRight
 * between them).
 * @csspart start - The "Investigate this case" button (or, for TLP red, the action naming the modules).
 * @csspart cancel - The Cancel button (while running).
 * @csspart console-link - The link to the case in Threat Response.
 * @csspart red-notice - Why a TLP red case was not sent anywhere.
 * @csspart progress - The progress bar.
 * @csspart status - The progress and outcome text.
 * @csspart summary - The verdict counts and disagreements.
 * @csspart count - One verdict count.
 * @csspart disputed - The list of observables the modules disagree on.
 * @csspart graph - The relations picture (SVG).
 * @csspart node - A node of the picture.
 * @csspart details - What the focused node is connected to.
 * @csspart table - The relations table.
 * @csspart sightings - Sightings per module.
 * @csspart errors - Module errors.
 * @csspart note - Signed-out and missing-scope notices.
 *
 * @cssproperty [--graph-max-height=36rem] - How tall the picture may grow before it scrolls.
 */
export class PkCaseInvestigation extends LitElement {
  static override styles = [tokens, styles];

  /** The case to investigate (its `observables`, `tlp`, `id`). */
  @property({ attribute: false }) casebook: Casebook | undefined;

  /**
   * Names of the enrichment modules the organisation has, for the TLP red action's wording when none has answered
   * on this page yet (the host may know them from its settings).
   */
  @property({ attribute: false }) modules: string[] = [];

  /** A client to use instead of the page's session (a host with a client of its own, stories). */
  @property({ attribute: false }) client: PivotkitClient | undefined;

  /** The level of the section's headings (the results' headings are one below). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private _progress: Investigation | undefined;
  @state() private _focus = '';
  @state() private _pinned = '';

  readonly #l = new LocalizeController(this, caseContentEn);
  readonly #session = new SessionController(this);
  readonly #settings = new StoreController(this, settings);
  readonly #toolbar = new ToolbarController(this, () => [
    ...this.renderRoot.querySelectorAll<HTMLElement>('[part~="actions"] :is(button, a)'),
  ]);

  readonly #task = new Task<[Casebook], Investigation>(this, {
    autoRun: false,
    task: async ([casebook], { signal }) => {
      const client = this.#client;
      if (!client) throw new Error('no client');
      const t = this.#l.t;
      const result = await investigate(client, casebook.observables ?? [], {
        signal,
        mids: settings.get().mids,
        onProgress: (inv) => {
          this._progress = inv;
          for (const m of inv.modules.values()) seenModules.set(m.moduleInstanceId, m.module);
        },
      });
      announce(t.investigateDone(result.observables.length));
      return result;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('casebook') && changed.get('casebook')?.id !== this.casebook?.id) {
      // Another case: stop what runs for the old one, and forget its results.
      if (this.#task.status === TaskStatus.PENDING) this.#task.abort();
      this._progress = undefined;
      this._focus = '';
      this._pinned = '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#task.status === TaskStatus.PENDING) this.#task.abort();
  }

  /** Starts the investigation (what the button does). For a TLP red case, this is the explicit action. */
  start(): void {
    const cb = this.casebook;
    if (!cb || !this.#client) return;
    this._progress = undefined;
    this._pinned = '';
    void this.#task.run([cb]);
  }

  get #client(): PivotkitClient | undefined {
    return this.client ?? this.#session.client;
  }

  /** Stops a running investigation; what was found so far stays shown. */
  cancel(): void {
    if (this.#task.status !== TaskStatus.PENDING) return;
    this.#task.abort();
    const p = this._progress;
    if (p) announce(this.#l.t.investigateCanceled(p.done, p.observables.length));
  }

  /** The case's page in the regional console: `{visibility}/investigate?spid=<uuid>`. */
  get consoleUrl(): string | undefined {
    const cb = this.casebook;
    if (!cb?.id) return undefined;
    const region = this.#client?.region ?? (this.#session.state.region as keyof typeof REGIONS | undefined);
    const host = REGIONS[region && region in REGIONS ? region : 'nam'].visibility;
    const uuid = shortId(cb.id).replace(/^casebook-/, '');
    return `${host}/investigate?spid=${encodeURIComponent(uuid)}`;
  }

  #heading(level: number, text: string) {
    const h = Math.min(6, level);
    switch (h) {
      case 1:
        return html`<h1>${text}</h1>`;
      case 2:
        return html`<h2>${text}</h2>`;
      case 3:
        return html`<h3>${text}</h3>`;
      case 4:
        return html`<h4>${text}</h4>`;
      case 5:
        return html`<h5>${text}</h5>`;
      default:
        return html`<h6>${text}</h6>`;
    }
  }

  protected override render() {
    const t = this.#l.t;
    const cb = this.casebook;
    const list = uniqueObservables(cb?.observables);
    const running = this.#task.status === TaskStatus.PENDING;
    const session = this.#session.state;
    const own = this.client;
    const signedIn = own ? !!own.session : !!session.client && session.status === 'signed-in';
    const canEnrich = own ? own.can('enrich') : this.#session.can('enrich');
    const red = (cb?.tlp ?? 'green') === 'red';
    // With modules chosen in Settings, only those see the values; their names once they have answered here.
    const chosen = this.#settings.value.mids;
    const known = chosen.length
      ? chosen.map((id) => seenModules.get(id) ?? id)
      : [...new Set([...this.modules, ...seenModules.values()])];
    const url = this.consoleUrl;
    let gate: unknown = nothing;
    if (!signedIn) {
      gate = html`<div part="note">${signedOutPrompt({ t, host: this })}</div>`;
    } else if (!canEnrich) {
      gate = html`<div part="note">
        ${missingScopesNotice({ t, scopes: own ? own.missingScopes('enrich') : this.#session.missingScopes('enrich'), what: t.investigateCase })}
      </div>`;
    }
    const startLabel = red
      ? t.investigateRedAction(list.length, known.length ? known : [t.investigateRedUnknownModules])
      : this._progress
        ? t.investigateAgain
        : t.investigateCase;
    return html`<section part="base" aria-labelledby="heading">
      <div id="heading">${this.#heading(this.headingLevel, t.investigateCase)}</div>
      ${red ? html`<p part="red-notice" id="red-notice" role="note">${t.investigateRedNotice}</p>` : nothing} ${gate}
      <div
        part="actions"
        role="toolbar"
        aria-label=${t.investigateCase}
        @keydown=${this.#toolbar.handleKeydown}
        @focusin=${this.#toolbar.handleFocusin}
      >
        ${
          gate === nothing && list.length
            ? running
              ? html`<button type="button" part="cancel" @click=${() => this.cancel()}>${t.investigateCancel}</button>`
              : html`<button
                  type="button"
                  part="start"
                  class=${red ? 'danger' : ''}
                  aria-describedby=${red ? 'red-notice' : 'start-hint'}
                  @click=${() => this.start()}
                >
                  ${startLabel}
                </button>`
            : nothing
        }
        ${
          url
            ? html`<a part="console-link" href=${url} target="_blank" rel="noopener noreferrer"
                >${t.openInConsole}<span class="visually-hidden"> (${t.opensInNewTab})</span></a
              >`
            : nothing
        }
      </div>
      <p id="start-hint" class="visually-hidden">${t.investigateCaseHint(list.length)}</p>
      ${list.length === 0 ? html`<p part="status">${t.investigateEmpty}</p>` : nothing} ${this.#status()}
      ${this._progress && this._progress.done > 0 ? this.#results(this._progress) : nothing}
    </section>`;
  }

  #status() {
    const t = this.#l.t;
    const p = this._progress;
    return this.#task.render({
      pending: () =>
        html`<div part="status" role="status">
          <progress
            part="progress"
            max=${Math.max(1, p?.batches ?? 1)}
            value=${p?.done ? p.batch : 0}
            aria-label=${t.investigateCase}
          ></progress>
          <span
            >${p ? t.investigateProgress({ batch: Math.max(1, p.batch), batches: Math.max(1, p.batches), done: p.done, total: p.observables.length }) : ''}</span
          >
        </div>`,
      complete: (r) => html`<p part="status" role="status">${t.investigateDone(r.observables.length)}</p>`,
      error: (e) =>
        (e as Error)?.name === 'AbortError' || (e as Error)?.name === 'AbortedError' || this._aborted(e)
          ? html`<p part="status" role="status">${t.investigateCanceled(p?.done ?? 0, p?.observables.length ?? 0)}</p>`
          : html`<p part="status" role="alert">${t.investigateFailed(e instanceof Error ? e.message : String(e))}</p>`,
    });
  }

  private _aborted(e: unknown): boolean {
    return (
      typeof e === 'object' &&
      e !== null &&
      ((e as { name?: string }).name === 'AbortError' || /abort/i.test(String((e as { name?: string }).name ?? '')))
    );
  }

  #results(inv: Investigation) {
    const t = this.#l.t;
    const s = summarize(inv);
    const h = this.headingLevel + 1;
    const graph = buildGraph(inv, {
      disposition: (d) => t.dispositionName(d),
      sightings: t.relationsSightings,
      more: t.relationsMore,
    });
    return html`
      <div part="summary">
        ${this.#heading(h, t.verdictSummaryHeading)}
        <ul class="counts">
          ${DISPOSITION_ORDER.filter((d) => d !== 4 || s.counts[4] > 0).map(
            (d) =>
              html`<li part="count" class=${DISPOSITION_CLASS[d]}>
                <svg viewBox="0 0 16 16" aria-hidden="true">${SHAPES[d]}</svg
                >${t.dispositionCount(t.dispositionName(d), s.counts[d])}
              </li>`,
          )}
        </ul>
        ${
          s.disputed.length
            ? html`<p class="disagree">⚠ ${t.modulesDisagreeOn(s.disputed.length)}</p>
                <ul part="disputed">
                  ${s.disputed.map(
                    (d) =>
                      html`<li>
                        <span class="value">${d.observable.value}</span>:
                        ${d.modules.map((m) => t.moduleSaid(m.module, m.dispositionName)).join(', ')}
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>
      ${this.#heading(h, t.relationsHeading)} ${this.#graph(graph, inv)} ${this.#table(inv)} ${this.#sightings(inv)}
      ${
        inv.errors.length
          ? html`<div part="errors">
              ${this.#heading(h, t.moduleErrors)}
              <ul>
                ${inv.errors.map((e) => html`<li>${t.moduleError(e.module ?? e.moduleInstanceId, e.message)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    `;
  }

  #nodeName(n: GraphNode): string {
    const t = this.#l.t;
    if (n.kind === 'observable' && n.observable) {
      return t.relationsObservableNode({
        value: n.observable.value,
        type: t.observableTypeLabel(n.observable.type),
        verdict: t.dispositionName(n.disposition ?? 5),
        modules: n.count,
        sightings: n.sightings,
      });
    }
    if (n.kind === 'module')
      return t.relationsModuleNode({ module: n.label, observables: n.count, sightings: n.sightings });
    if (n.kind === 'outcome')
      return n.id === SIGHTINGS_NODE
        ? `${n.label}: ${t.sightingCount(n.count)}`
        : t.relationsOutcomeNode({ name: n.label, n: n.count });
    return n.label;
  }

  /** What a node lights up: itself, its neighbours, and for an observable the outcomes its modules gave it. */
  #related(g: Graph, inv: Investigation, id: string): Set<string> {
    const out = new Set<string>([id, ...(g.neighbours.get(id) ?? [])]);
    if (id.startsWith('obs:')) {
      const key = id.slice(4);
      for (const m of inv.modules.values()) {
        const d = m.dispositions.get(key);
        if (d) out.add(`outcome:${d.disposition}`);
        if (m.sightings.some((s) => s.keys.includes(key))) out.add(SIGHTINGS_NODE);
      }
    }
    return out;
  }

  #graph(g: Graph, inv: Investigation) {
    const t = this.#l.t;
    const rows = Math.max(1, ...g.columns.map((c) => c.length));
    const height = TOP + rows * ROW + 8;
    const y = (n: GraphNode) => {
      const col = g.columns[n.column];
      const offset = ((rows - col.length) * ROW) / 2;
      return TOP + offset + n.row * ROW;
    };
    const pos = new Map(g.nodes.map((n) => [n.id, { x: COLS[n.column].x, y: y(n), w: COLS[n.column].w }]));
    const active = this._pinned || this._focus;
    const lit = active ? this.#related(g, inv, active) : undefined;
    const focusable = g.nodes.some((n) => n.id === this._focus) ? this._focus : (g.nodes[0]?.id ?? '');
    const maxWeight = Math.max(1, ...g.edges.map((e) => e.weight));
    const focused = g.nodes.find((n) => n.id === active);
    return html`<div class="graph-wrap">
        <p class="help" id="graph-help">${t.relationsHelp}</p>
        <svg
          part="graph"
          role="group"
          aria-label=${t.relationsLabel}
          aria-describedby="graph-help"
          viewBox="0 0 ${WIDTH} ${height}"
          style="aspect-ratio: ${WIDTH} / ${height}"
          @keydown=${(e: KeyboardEvent) => this.#onGraphKey(e, g)}
        >
          <text class="column-title" x=${COLS[0].x} y="16" aria-hidden="true">${t.relationsObservables}</text>
          <text class="column-title" x=${COLS[1].x} y="16" aria-hidden="true">${t.relationsModules}</text>
          <text class="column-title" x=${WIDTH} y="16" text-anchor="end" aria-hidden="true">
            ${t.relationsOutcomes}
          </text>
          <g class="edges" aria-hidden="true">
            ${g.edges.map((e) => {
              const a = pos.get(e.from);
              const b = pos.get(e.to);
              if (!a || !b) return nothing;
              const x1 = a.x + a.w;
              const y1 = a.y + ROW / 2 - 3;
              const x2 = b.x;
              const y2 = b.y + ROW / 2 - 3;
              const mid = (x1 + x2) / 2;
              const on = !lit || (lit.has(e.from) && lit.has(e.to));
              const width = 1.5 + (4.5 * Math.log2(1 + e.weight)) / Math.log2(1 + maxWeight);
              return svg`<path class="edge ${e.disposition ? DISPOSITION_CLASS[e.disposition] : 'sighting'} ${on ? '' : 'dim'}"
                d="M${x1} ${y1} C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}" stroke-width=${width.toFixed(2)} />`;
            })}
          </g>
          ${g.columns.map(
            (
              col,
              ci,
            ) => svg`<g role="group" aria-label=${[t.relationsObservables, t.relationsModules, t.relationsOutcomes][ci]!}>
              ${repeat(
                col,
                (n) => n.id,
                (n) => {
                  const p = pos.get(n.id)!;
                  const on = !lit || lit.has(n.id);
                  const cls = n.disposition
                    ? DISPOSITION_CLASS[n.disposition]
                    : n.id === SIGHTINGS_NODE
                      ? 'sighting'
                      : 'neutral';
                  const label =
                    n.kind === 'outcome'
                      ? `${n.label} · ${n.count}`
                      : n.kind === 'module'
                        ? n.label
                        : clip(n.label, 30);
                  return svg`<g
                    part="node"
                    class="node ${n.kind} ${cls} ${on ? '' : 'dim'} ${this._pinned === n.id ? 'pinned' : ''}"
                    data-id=${n.id}
                    role="button"
                    tabindex=${n.id === focusable ? '0' : '-1'}
                    aria-label=${
                      // A clipped value leads the name, so that what is seen is part of what is heard (WCAG 2.5.3).
                      label === n.label || n.kind === 'outcome' ? this.#nodeName(n) : `${label} ${this.#nodeName(n)}`
                    }
                    aria-pressed=${this._pinned === n.id ? 'true' : 'false'}
                    @focus=${() => (this._focus = n.id)}
                    @click=${() => this.#pin(n.id)}
                    transform="translate(${p.x} ${p.y})"
                  >
                    <rect class="frame" width=${p.w} height=${ROW - 6} rx="6" />
                    ${n.disposition ? svg`<svg class="shape" x="6" y="6" width="16" height="16" viewBox="0 0 16 16">${SHAPES[n.disposition]}</svg>` : n.id === SIGHTINGS_NODE ? svg`<circle class="shape-dot" cx="14" cy="14" r="5" />` : nothing}
                    <text x=${n.disposition || n.id === SIGHTINGS_NODE ? 28 : 10} y=${(ROW - 6) / 2 + 1}>${label}</text>
                  </g>`;
                },
              )}
            </g>`,
          )}
        </svg>
      </div>
      <p part="details" class="details">${focused ? this.#nodeName(focused) : ''}</p>`;
  }

  #pin(id: string) {
    this._focus = id;
    this._pinned = this._pinned === id ? '' : id;
  }

  #onGraphKey(e: KeyboardEvent, g: Graph) {
    const current = g.nodes.find((n) => n.id === this._focus) ?? g.nodes[0];
    if (!current) return;
    const col = g.columns[current.column];
    let next: GraphNode | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = col[Math.min(col.length - 1, current.row + 1)];
        break;
      case 'ArrowUp':
        next = col[Math.max(0, current.row - 1)];
        break;
      case 'Home':
        next = col[0];
        break;
      case 'End':
        next = col[col.length - 1];
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const dir = e.key === 'ArrowRight' ? 1 : -1;
        let c = current.column + dir;
        while (c >= 0 && c <= 2 && g.columns[c as 0]!.length === 0) c += dir;
        const target = c >= 0 && c <= 2 ? g.columns[c as 0]! : undefined;
        if (!target) break;
        const linked = target.find((n) => g.neighbours.get(current.id)?.has(n.id));
        next =
          linked ??
          target[
            Math.min(target.length - 1, Math.round((current.row / Math.max(1, col.length - 1)) * (target.length - 1)))
          ];
        break;
      }
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.#pin(current.id);
        return;
      case 'Escape':
        if (this._pinned) {
          e.preventDefault();
          this._pinned = '';
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    if (!next) return;
    this._focus = next.id;
    void this.updateComplete.then(() => {
      (this.renderRoot.querySelector(`[data-id="${CSS.escape(next.id)}"]`) as SVGGElement | null)?.focus();
    });
  }

  #table(inv: Investigation) {
    const t = this.#l.t;
    const modules = [...inv.modules.values()];
    const done = inv.observables.slice(0, inv.done);
    return html`<details part="table" class="table">
      <summary>${t.relationsTable}</summary>
      <table>
        <caption>
          ${t.relationsTableCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.columnObservable}</th>
            <th scope="col">${t.columnType}</th>
            <th scope="col">${t.columnVerdict}</th>
            <th scope="col">${t.columnModules}</th>
            <th scope="col">${t.columnSightings}</th>
            <th scope="col">${t.columnLinks}</th>
          </tr>
        </thead>
        <tbody>
          ${done.map((o: Observable) => {
            const k = observableKey(o);
            const said = modules.filter((m) => m.dispositions.has(k));
            const sightings = modules.reduce((n, m) => n + m.sightings.filter((s) => s.keys.includes(k)).length, 0);
            const links = inv.links.get(k) ?? [];
            return html`<tr>
              <th scope="row" class="value">${o.value}</th>
              <td>${t.observableType(o.type)}</td>
              <td class=${DISPOSITION_CLASS[dispositionOf(inv, o)]}>${t.dispositionName(dispositionOf(inv, o))}</td>
              <td>
                ${said.map((m) => t.moduleSaid(m.module, t.dispositionName(m.dispositions.get(k)!.disposition))).join(', ')}
              </td>
              <td>${sightings}</td>
              <td>
                ${links.map((l) =>
                  /^https?:\/\//i.test(l.url)
                    ? html`<a href=${l.url} target="_blank" rel="noopener noreferrer"
                        >${l.title}<span class="visually-hidden"> (${t.opensInNewTab})</span></a
                      > `
                    : html`<span>${t.unsafeLink(l.url)}</span> `,
                )}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </details>`;
  }

  #sightings(inv: Investigation) {
    const t = this.#l.t;
    const modules = [...inv.modules.values()];
    return html`<div part="sightings">
      ${this.#heading(this.headingLevel + 1, t.sightingsPerModule)}
      ${
        modules.some((m) => m.sightings.length)
          ? modules
              .filter((m) => m.sightings.length)
              .map(
                (m) =>
                  html`<section class="module" aria-label=${m.module}>
                    <p class="module-name">
                      ${m.module} <span class="muted">(${t.sightingCount(m.sightings.length)})</span>
                    </p>
                    <ul>
                      ${m.sightings.map(
                        ({ sighting: s }) =>
                          html`<li>
                            <span class="title">${s.title ?? s.description ?? s.id}</span>
                            <span class="muted"
                              >${s.observed_time?.start_time ?? ''}${s.count > 1 ? ` · ×${s.count}` : ''}${
                                (s.observables ?? []).length
                                  ? ` · ${(s.observables ?? []).map((o) => o.value).join(', ')}`
                                  : ''
                              }</span
                            >
                          </li>`,
                      )}
                    </ul>
                  </section>`,
              )
          : html`<p class="muted">${t.noSightings}</p>`
      }
    </div>`;
  }
}
