import { html, nothing, type LitElement, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import type {
  Casebook,
  Disposition,
  Observable,
  ObservableVerdict,
  PivotkitApiClient,
  PivotkitClient,
  Tlp,
} from '@pivotkit/sdk';
import { isPivotkitError } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ToolbarController } from '../../controllers/toolbar-controller.js';
import { casebookEn } from '../../i18n/casebook.js';
import { caseViewEn } from '../../i18n/case-view.js';
import {
  isLocalCaseId,
  pendingKey,
  type CaseEdit,
  type CaseField,
  type Outbox,
  type QueuedEdit,
} from '../../state/outbox.js';
import { midsKey, settings, TLPS } from '../../state/settings.js';
import { announce } from '../../a11y/announce.js';
import '../verdict-badge/pk-verdict-badge.js';
import { defang } from '../pivot-menu/format.js';
import { renderDescription } from './content.js';
import { provenanceFromBundle } from './provenance.js';
import { conflicts, pendingLabel } from './case-edits.js';
import { editNote, makeNote, readNote } from './notes.js';
import { errorMessage, relativeTime } from './format.js';
import type { IncidentLink } from './incident-link.js';
import caseViewStyles from './case-view.styles.js';
import { addStyles } from '../../styles/add-styles.js';

// Drawn, not a glyph: system fonts differ in which symbols they have.
const COPY_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true">
  <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
  <path
    d="M10.5 3V2.5A1.5 1.5 0 0 0 9 1H3.5A1.5 1.5 0 0 0 2 2.5V8a1.5 1.5 0 0 0 1.5 1.5H4"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
  />
</svg>`;
const okey = (o: Observable) => `${o.type}:${o.value}`;

interface ModuleVerdict {
  module: string;
  disposition: Disposition;
}
interface VerdictRow {
  modules: ModuleVerdict[];
  disposition?: Disposition;
  conflict: boolean;
}
type Editing = { key: string; draft: string };

/** The panel's read of the case shown (its Task): what the server sent, or why it could not be read. */
export interface CaseRead {
  readonly value: Casebook | undefined;
  readonly error: unknown;
}

/** What the case view asks of the casebook panel it is shown in. */
export interface CasePanel {
  /** The client the panel talks through. */
  client(): PivotkitClient | undefined;
  /** The outbox its edits go through. */
  outbox(): Outbox;
  /** The case shown, as read, with the edits queued for it. */
  shown(): Casebook | undefined;
  /** The panel's read of the case shown. */
  read(): CaseRead;
  /** Reads the case again. */
  reread(): void;
  /** Queues an edit of a case (the panel knows the version it was made on). */
  enqueue(caseId: string, edit: CaseEdit): Promise<void>;
  /** Back to the case list. */
  back(): void;
  /** Deletes the case (with its few seconds to undo). */
  remove(caseId: string): void;
  /** The "Add observables" box, when it is open for this case; `open` opens it. */
  intake(caseId: string): unknown;
  openIntake(caseId: string): void;
  /** Focuses what `selector` finds once it is rendered. */
  focusAfter(selector: string): void;
  /** An error as the panel says it (a missing scope is named). */
  errorText(e: unknown): string;
}

type Host = ReactiveControllerHost & LitElement;

/**
 * The case view of `<pk-casebook>`: the case's title, TLP and descriptions (each editable, with its unsaved edits
 * and conflicts), "Investigate this case", "Link to incident", the observables with their verdicts, and the notes.
 * It is a controller of the panel, loaded with import() when the panel first shows a case (or is idle): the list
 * of cases does not wait for it. Its styles are added to the panel's shadow root when it loads.
 *
 * It keeps what belongs to the case shown (the field being edited, the verdicts, the TLP red consent) and asks the
 * panel, through {@link CasePanel}, for the rest: the case read, the outbox, the intake box, going back.
 */
export class CaseView {
  readonly #host: Host;
  readonly #panel: CasePanel;
  readonly #l: LocalizeController<[typeof casebookEn, typeof caseViewEn]>;
  readonly #settings: StoreController<ReturnType<typeof settings.get>>;
  readonly #exportBar: ToolbarController;
  readonly #observableBar: ToolbarController;
  #editing: Editing | undefined;
  #verdicts = new Map<string, VerdictRow>();
  /** The verdicts as the SDK derived them (what the exports carry). */
  #verdictsFull = new Map<string, ObservableVerdict>();
  #redConsent = new Set<string>();
  /** Whether the "Investigate this case" view is open (its element loads on first use). */
  #investigating = false;
  /** "Link to incident", loaded on its first use. */
  #incidentLink: IncidentLink | undefined;
  /** Verdicts of the shown case's observables; progressive, per module. */
  readonly #verdictTask: Task;

  constructor(host: Host, panel: CasePanel) {
    this.#host = host;
    this.#panel = panel;
    this.#l = new LocalizeController(host, casebookEn, caseViewEn);
    this.#settings = new StoreController(host, settings);
    const buttonsIn = (toolbar: string) => () => [
      ...host.renderRoot.querySelectorAll<HTMLElement>(`${toolbar} button`),
    ];
    this.#exportBar = new ToolbarController(host, buttonsIn('[part~="export"]'));
    this.#observableBar = new ToolbarController(
      host,
      buttonsIn('[part~="observables-section"] [part~="section__actions"]'),
    );
    addStyles(host, caseViewStyles);
    this.#verdictTask = new Task(host, {
      task: async ([client, keys, tlp, consent], { signal }) => {
        if (!client || !keys || (tlp === 'red' && !consent) || !client.can('enrich')) return undefined;
        const obs = keys.split('\n').map((k) => {
          const i = k.indexOf(':');
          return { type: k.slice(0, i), value: k.slice(i + 1) };
        });
        const rows = new Map<string, VerdictRow>();
        const push = () => {
          if (signal.aborted) return;
          this.#verdicts = new Map(rows);
          host.requestUpdate();
        };
        const result = await client.enrich.deliberate(obs, {
          signal,
          mids: settings.get().mids,
          onModule: (m) => {
            for (const v of m.verdicts) {
              const k = okey(v.observable);
              const row = rows.get(k) ?? { modules: [], conflict: false };
              row.modules = [
                ...row.modules.filter((x) => x.module !== m.module),
                { module: m.module, disposition: v.disposition },
              ];
              const known = new Set(row.modules.map((x) => x.disposition).filter((d) => d !== 5));
              row.conflict = known.size > 1;
              rows.set(k, row);
            }
            push();
          },
        });
        for (const o of obs) {
          const v = result.verdictFor(o);
          if (!v) continue;
          rows.set(okey(o), { modules: v.modules, disposition: v.disposition, conflict: v.conflict });
          this.#verdictsFull.set(okey(o), v);
        }
        push();
        return result.errors;
      },
      args: () => {
        const cb = this.#panel.shown();
        const keys = cb?.observables?.map(okey).join('\n') ?? '';
        // The modules of the `mids` setting answer; a change of it asks again.
        const mids = midsKey(this.#settings.value.mids);
        return [
          this.#panel.client(),
          keys,
          cb?.tlp ?? 'green',
          cb ? this.#redConsent.has(cb.id) : false,
          mids,
        ] as const;
      },
    });
  }

  /** Whether a field is being edited (Escape then cancels the edit, not the panel). */
  get editing(): boolean {
    return !!this.#editing;
  }

  /** Another case opens, or the list shows: forget the edit, the verdicts, the chooser and the investigation. */
  reset(): void {
    this.#editing = undefined;
    this.#verdicts = new Map();
    this.#investigating = false;
    this.#incidentLink?.reset();
    this.#host.requestUpdate();
  }

  // ---- editing ----

  #startEdit(key: string, value: string) {
    this.#editing = { key, draft: value };
    this.#panel.focusAfter('[part~="editor"]');
    this.#host.requestUpdate();
  }

  #cancelEdit(key: string) {
    this.#editing = undefined;
    this.#panel.focusAfter(`[data-edit="${CSS.escape(key)}"]`);
    this.#host.requestUpdate();
  }

  async #saveEdit(key: string) {
    const cb = this.#panel.shown();
    const ed = this.#editing;
    if (!cb || !ed || ed.key !== key) return;
    this.#editing = undefined;
    this.#host.requestUpdate();
    this.#panel.focusAfter(`[data-edit="${CSS.escape(key)}"]`);
    const value = ed.draft;
    if (key === 'new-note') {
      if (value.trim()) await this.#panel.enqueue(cb.id, { kind: 'add-text', text: makeNote(value) });
      return;
    }
    if (key.startsWith('note:')) {
      const note = cb.texts?.[Number(key.slice(5))];
      if (note && readNote(note).body !== value)
        await this.#panel.enqueue(cb.id, { kind: 'edit-text', from: note, to: editNote(note, value) });
      return;
    }
    const field = key as CaseField;
    const before = cb[field];
    if ((before ?? '') !== value) {
      const server = this.#panel.read().value?.[field];
      await this.#panel.enqueue(cb.id, {
        kind: 'field',
        field,
        value,
        base: typeof server === 'string' ? server : undefined,
      });
    }
  }

  #editorKeydown(e: KeyboardEvent, key: string, multiline: boolean) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.#cancelEdit(key);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !multiline)) {
      e.preventDefault();
      void this.#saveEdit(key);
    }
  }

  async #setTlp(cb: Casebook, tlp: Tlp) {
    if ((cb.tlp ?? 'green') === tlp) return;
    const server = this.#panel.read().value?.tlp;
    await this.#panel.enqueue(cb.id, { kind: 'field', field: 'tlp', value: tlp, base: server });
  }

  // ---- the case's actions ----

  async #copy(values: string[]) {
    try {
      await navigator.clipboard.writeText(values.join('\n'));
      announce(this.#l.t.copiedN(values.length));
    } catch {
      announce(this.#l.t.copyFailed);
    }
  }

  /** Offers the case as a file in `format` (the exporters load on first use). */
  async #export(cb: Casebook, format: 'ctim' | 'csv' | 'stix' | 'misp') {
    const { exportCase } = await import('./export/index.js');
    const file = exportCase(format, {
      casebook: cb,
      verdicts: this.#verdictsFull,
      provenance: provenanceFromBundle(cb),
    });
    const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.hidden = true;
    this.#host.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    announce(this.#l.t.exported(file.filename));
  }

  async #pivot(anchor: HTMLElement, o: Observable) {
    // The menu (and floating-ui) load on the first pivot, not with the panel.
    const { openPivotMenu } = await import('../pivot-menu/shared.js');
    openPivotMenu({ anchor, observable: o, client: this.#panel.client() });
  }

  // ---- rendering ----

  #pendingOf(cb: Casebook, key: string): QueuedEdit[] {
    return this.#panel
      .outbox()
      .editsFor(cb.id)
      .filter((e) => pendingKey(e.edit) === key);
  }

  /** A field's unsaved edits and its conflicts (`mine` says what an edit of it wrote). */
  #edits(cb: Casebook, key: string, mine: (e: QueuedEdit) => string): TemplateResult {
    const t = this.#l.t;
    const outbox = this.#panel.outbox();
    const edits = this.#pendingOf(cb, key);
    return html`${pendingLabel(edits, t, outbox)}
    ${conflicts(edits, { t, outbox, mine, reread: () => this.#panel.reread() })}`;
  }

  #field(
    cb: Casebook,
    key: 'title' | 'short_description' | 'description',
    label: string,
    display: (v: string) => unknown,
    multiline: boolean,
  ): TemplateResult {
    const t = this.#l.t;
    const value = cb[key] ?? '';
    const editing = this.#editing?.key === key;
    const fieldEdit = (e: QueuedEdit) => (e.edit.kind === 'field' ? e.edit.value : '');
    // Parts are kebab-case; the key stays CTIM's (`short_description`) in `data-field` and in the edits.
    const name = key.replaceAll('_', '-');
    return html`<div part="field field--${name}" data-field=${key}>
      <div part="field__label" id=${`label-${key}`}>${label}</div>
      ${editing ? this.#editor(key, label, multiline) : html`<div part="field__value">${value ? display(value) : html`<span part="placeholder">${t.empty}</span>`}</div>`}
      ${
        editing
          ? nothing
          : html`<button
              part="button field__edit"
              type="button"
              data-edit=${key}
              aria-label=${t.edit(label)}
              @click=${() => this.#startEdit(key, value)}
            >
              ${t.edit(label)}
            </button>`
      }
      ${this.#edits(cb, key, fieldEdit)}
    </div>`;
  }

  #editor(key: string, label: string, multiline: boolean): TemplateResult {
    const t = this.#l.t;
    const draft = this.#editing?.draft ?? '';
    const onInput = (e: InputEvent) => {
      if (this.#editing) this.#editing = { ...this.#editing, draft: (e.target as HTMLTextAreaElement).value };
    };
    const box = multiline
      ? html`<textarea
          part="editor"
          aria-label=${label}
          aria-describedby="edit-help"
          rows="5"
          .value=${live(draft)}
          @input=${onInput}
          @keydown=${(e: KeyboardEvent) => this.#editorKeydown(e, key, true)}
        ></textarea>`
      : html`<input
          part="editor"
          aria-label=${label}
          aria-describedby="edit-help"
          .value=${live(draft)}
          @input=${onInput}
          @keydown=${(e: KeyboardEvent) => this.#editorKeydown(e, key, false)}
        />`;
    return html`<div part="editor-box">
      ${box}
      <div part="editor__buttons">
        <button part="button button--primary" type="button" @click=${() => void this.#saveEdit(key)}>${t.save}</button>
        <button part="button" type="button" @click=${() => this.#cancelEdit(key)}>${t.cancel}</button>
      </div>
    </div>`;
  }

  /**
   * The case, inside the panel's `case` part (which takes its drops and pastes): its header row, the fields, the
   * investigation, the observables and the notes. `dropping` shows the drop hint.
   */
  render(cb: Casebook, dropping: boolean): TemplateResult {
    const t = this.#l.t;
    const err = this.#panel.read().error;
    const malformed = err && isPivotkitError(err, 'ApiShapeError');
    return html`<div part="case__nav">
        <button part="button back" type="button" @click=${() => this.#panel.back()}>← ${t.allCases}</button>
        <div
          part="export"
          role="toolbar"
          aria-label=${t.exportAs}
          @keydown=${this.#exportBar.handleKeydown}
          @focusin=${this.#exportBar.handleFocusin}
        >
          <span aria-hidden="true">${t.exportAs}:</span>
          ${(['ctim', 'csv', 'stix', 'misp'] as const).map(
            (f) =>
              html`<button part="button" type="button" data-export=${f} @click=${() => void this.#export(cb, f)}>
                ${t.exportFormat(f)}
              </button>`,
          )}
        </div>
        <button part="button button--danger" type="button" @click=${() => this.#panel.remove(cb.id)}>
          ${t.deleteCase}
        </button>
      </div>
      ${
        malformed
          ? html`<p part="message message--error" role="alert">
              ${t.caseMalformed(errorMessage(err))}
              <button part="button" type="button" @click=${() => this.#panel.reread()}>${t.retry}</button>
            </p>`
          : err
            ? html`<p part="message message--error" role="alert">${t.caseFailed(this.#panel.errorText(err))}</p>`
            : nothing
      }
      ${dropping ? html`<p part="drop-hint">${t.dropHere}</p>` : nothing}
      <div part="case__title">
        <h2 tabindex="-1">${cb.title || t.untitledCase}</h2>
        ${this.#field(cb, 'title', t.title, (v) => v, false)}
      </div>
      <div part="case__meta">
        <label>
          ${t.tlpLabel}
          <select
            part="tlp-select"
            .value=${live(cb.tlp ?? 'green')}
            @change=${(e: Event) => void this.#setTlp(cb, (e.target as HTMLSelectElement).value as Tlp)}
          >
            ${TLPS.map((x) => html`<option value=${x} ?selected=${(cb.tlp ?? 'green') === x}>${t.caseTlp(x)}</option>`)}
          </select>
        </label>
        ${this.#edits(cb, 'tlp', (e) => (e.edit.kind === 'field' ? e.edit.value : ''))} ${this.#renderLink(cb)}
      </div>
      ${this.#field(cb, 'short_description', t.shortDescription, (v) => v, false)}
      ${this.#field(cb, 'description', t.description, (v) => renderDescription(v, t.opensInNewTab, () => this.#host.requestUpdate()), true)}
      ${this.#renderInvestigation(cb)} ${this.#renderObservables(cb)} ${this.#renderNotes(cb)}`;
  }

  #renderInvestigation(cb: Casebook): TemplateResult {
    const t = this.#l.t;
    return html`<div part="section investigation">
      <div part="section__header">
        <h3 id="inv-h">${t.investigate}</h3>
        <button
          part="button"
          type="button"
          aria-expanded=${this.#investigating ? 'true' : 'false'}
          ?disabled=${!cb.observables?.length}
          @click=${async () => {
            if (!this.#investigating) await import('./investigate/pk-case-investigation.js');
            this.#investigating = !this.#investigating;
            this.#host.requestUpdate();
          }}
        >
          ${this.#investigating ? t.close : t.investigate}
        </button>
      </div>
      ${
        this.#investigating
          ? html`<pk-case-investigation
              .casebook=${cb}
              .client=${this.#panel.client()}
              heading-level="4"
            ></pk-case-investigation>`
          : nothing
      }
    </div>`;
  }

  /** "Link to incident" (its chooser loads on the first use), or why it is not possible. */
  #renderLink(cb: Casebook): TemplateResult | typeof nothing {
    const t = this.#l.t;
    const client = this.#panel.client() as Partial<PivotkitApiClient> | undefined;
    if (!client?.incidents?.linkCasebook || isLocalCaseId(cb.id)) return nothing;
    if (client.session && client.can && !client.can('link-casebook'))
      return html`<div part="link">
        <span part="link__status">${t.linkNeedsScopes(client.missingScopes?.('link-casebook') ?? [])}</span>
      </div>`;
    const link = this.#incidentLink;
    return html`<div part="link">
      <button
        part="button link__open"
        type="button"
        aria-expanded=${link?.open ? 'true' : 'false'}
        @click=${async () => {
          const { IncidentLink } = await import('./incident-link.js');
          this.#incidentLink ??= new IncidentLink(this.#host, {
            client: () => this.#panel.client(),
            t: () => this.#l.t,
          });
          this.#incidentLink.show(!this.#incidentLink.open);
        }}
      >
        ${t.linkIncident}
      </button>
      ${link?.render(cb) ?? nothing}
    </div>`;
  }

  #renderVerdict(o: Observable): TemplateResult {
    const t = this.#l.t;
    const row = this.#verdicts.get(okey(o));
    if (!row || (!row.modules.length && row.disposition === undefined)) {
      return html`<span part="verdict verdict--none"
        >${this.#verdictTask.status === 1 ? t.verdictsLoading : t.notEnriched}</span
      >`;
    }
    const d =
      row.disposition ?? row.modules.reduce<Disposition>((acc, m) => (m.disposition < acc ? m.disposition : acc), 5);
    return html`<span part="verdict">
      <pk-verdict-badge
        .disposition=${row.conflict ? 5 : d}
        label=${row.conflict ? t.disputed : ''}
        title=${t.moduleVerdicts(row.modules.map((m) => ({ module: m.module, dispositionName: t.dispositionName(m.disposition) })))}
      ></pk-verdict-badge>
      ${row.conflict ? html`<span part="verdict__conflict">${t.modulesDisagree}</span>` : nothing}
      <span class="visually-hidden">
        ${row.modules.map((m) => `${m.module}: ${t.dispositionName(m.disposition)}`).join('; ')}
      </span>
    </span>`;
  }

  #renderObservables(cb: Casebook): TemplateResult {
    const t = this.#l.t;
    const list = cb.observables ?? [];
    const prov = provenanceFromBundle(cb);
    const red = (cb.tlp ?? 'green') === 'red' && !this.#redConsent.has(cb.id);
    return html`<section part="section observables-section" aria-labelledby="obs-h">
      <div part="section__header">
        <h3 id="obs-h">${t.observables} <span part="count">(${list.length})</span></h3>
        <div
          part="section__actions"
          role="toolbar"
          aria-labelledby="obs-h"
          @keydown=${this.#observableBar.handleKeydown}
          @focusin=${this.#observableBar.handleFocusin}
        >
          <button
            part="button"
            type="button"
            data-action="add-observables"
            @click=${() => this.#panel.openIntake(cb.id)}
          >
            ${t.addObservables}
          </button>
          <button
            part="button"
            type="button"
            ?disabled=${!list.length}
            @click=${() => void this.#copy(list.map((o) => o.value))}
          >
            ${t.copyAll}
          </button>
          <button
            part="button"
            type="button"
            ?disabled=${!list.length}
            @click=${() => void this.#copy(list.map((o) => defang(o)))}
          >
            ${t.copyAllDefanged}
          </button>
        </div>
      </div>
      ${this.#panel.intake(cb.id)}
      ${
        red && list.length
          ? html`<div part="message message--red" role="note">
              <p>${t.redNoEnrich}</p>
              <button
                part="button"
                type="button"
                aria-describedby="red-detail"
                @click=${() => {
                  this.#redConsent = new Set(this.#redConsent).add(cb.id);
                  this.#host.requestUpdate();
                }}
              >
                ${t.enrichRed}
              </button>
              <span id="red-detail">${t.enrichRedDetail(list.length)}</span>
            </div>`
          : nothing
      }
      ${pendingLabel(this.#pendingOf(cb, 'observables'), t, this.#panel.outbox())}
      ${
        list.length
          ? html`<table part="observables">
              <thead>
                <tr>
                  <th scope="col">${t.typeColumn}</th>
                  <th scope="col">${t.valueColumn}</th>
                  <th scope="col">${t.verdictColumn}</th>
                  <th scope="col">${t.actionsColumn}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(list, okey, (o) => {
                  const from = prov.get(okey(o))?.[0];
                  return html`<tr part="observable" data-key=${okey(o)}>
                    <td part="observable__type">${t.observableType(o.type)}</td>
                    <td part="observable__value">
                      <span class="value">${o.value}</span>
                      ${
                        from
                          ? html`<span part="provenance" title=${from.context}>${t.from(from.title || from.url)}</span>`
                          : nothing
                      }
                    </td>
                    <td>${this.#renderVerdict(o)}</td>
                    <td part="observable__actions">
                      <button
                        part="button icon-button"
                        type="button"
                        aria-haspopup="menu"
                        aria-label=${t.pivotFor(o.value)}
                        title=${t.pivotFor(o.value)}
                        @click=${(e: Event) => void this.#pivot(e.currentTarget as HTMLElement, o)}
                      >
                        ▾
                      </button>
                      <button
                        part="button icon-button"
                        type="button"
                        aria-label=${t.copyOne(o.value)}
                        title=${t.copyOne(o.value)}
                        @click=${() => void this.#copy([o.value])}
                      >
                        ${COPY_ICON}
                      </button>
                      <button
                        part="button icon-button"
                        type="button"
                        aria-label=${t.copyOneDefanged(o.value)}
                        title=${t.copyOneDefanged(o.value)}
                        @click=${() => void this.#copy([defang(o)])}
                      >
                        [.]
                      </button>
                      <button
                        part="button icon-button"
                        type="button"
                        aria-label=${t.removeObservable(o.value)}
                        title=${t.removeObservable(o.value)}
                        @click=${() =>
                          void this.#panel.enqueue(cb.id, { kind: 'remove-observables', observables: [o] })}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
          : html`<p part="message">${t.noObservables}</p>`
      }
    </section>`;
  }

  #renderNotes(cb: Casebook): TemplateResult {
    const t = this.#l.t;
    const texts = cb.texts ?? [];
    return html`<section part="section notes" aria-labelledby="notes-h">
      <h3 id="notes-h">${t.notes}</h3>
      ${this.#edits(cb, 'texts', (e) => (e.edit.kind === 'edit-text' ? readNote(e.edit.to).body : ''))}
      ${
        texts.length
          ? html`<ol part="note-list">
              ${texts.map((note, i) => {
                const { time, body } = readNote(note);
                const key = `note:${i}`;
                return html`<li part="note field">
                  ${time ? html`<time part="note__time" datetime=${time} title=${time}>${relativeTime(time)}</time>` : nothing}
                  ${
                    this.#editing?.key === key
                      ? this.#editor(key, t.notes, true)
                      : html`<div part="note__body">${body}</div>
                          <button
                            part="button"
                            type="button"
                            data-edit=${key}
                            aria-label=${t.edit(t.notes)}
                            @click=${() => this.#startEdit(key, body)}
                          >
                            ${t.edit(t.notes)}
                          </button>
                          <button
                            part="button"
                            type="button"
                            @click=${() => void this.#panel.enqueue(cb.id, { kind: 'remove-text', text: note })}
                          >
                            ${t.deleteNote}
                          </button>`
                  }
                </li>`;
              })}
            </ol>`
          : html`<p part="message">${t.noNotes}</p>`
      }
      ${
        this.#editing?.key === 'new-note'
          ? this.#editor('new-note', t.newNote, true)
          : html`<button
              part="button"
              type="button"
              data-edit="new-note"
              @click=${() => this.#startEdit('new-note', '')}
            >
              ${t.addNote}
            </button>`
      }
    </section>`;
  }
}
