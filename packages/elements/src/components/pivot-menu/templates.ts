import { html, nothing, type TemplateResult } from 'lit';
import type { Feature, ModuleError, Observable, ReferLink, ResponseAction, TriggerResult } from '@pivotkit/sdk';
import type { SharedStrings } from '../../i18n/index.js';
import { signedOutPrompt } from '../../templates/session.js';
import '../verdict-badge/pk-verdict-badge.js';
import type { PivotMenuItem } from './item.js';
import type { Auth, Verdicts } from './pivot-menu-data.js';
import { isDestructive, safeHttpUrl, truncateMiddle } from './format.js';

/** One load as the templates see it. */
export type Loaded<T> = { s: 'loading' } | { s: 'done'; v: T } | { s: 'error'; msg: string };

/** Everything the templates read from the menu: state in, callbacks out. */
export interface MenuView {
  t: SharedStrings;
  host: HTMLElement;
  observable: Observable;
  auth: Auth;
  items: PivotMenuItem[];
  missing(feature: Feature): string[] | undefined;
  verdicts: Loaded<Verdicts>;
  partial: Verdicts;
  links: Loaded<{ links: ReferLink[]; errors: ModuleError[] }>;
  actions: Loaded<{ actions: ResponseAction[]; errors: ModuleError[] }>;
  caseId: string | null;
  caseLabel: string;
  busy: string;
  results: Map<string, TriggerResult>;
  addToCase(toCurrent: boolean): void;
  askConfirm(action: ResponseAction): void;
  runHostItem(item: PivotMenuItem): void;
  linkOpened(): void;
  signInRequested(): void;
}

const reasonOf = (v: MenuView, feature: Feature) => {
  const m = v.missing(feature);
  return m ? v.t.missingScopes(m) : undefined;
};

/** A `role="menuitem"`; disabled items stay focusable (the pattern asks so) and say why. */
export function item(
  label: string,
  run: (e: Event) => void,
  opts: { reason?: string; disabled?: boolean; id?: string; busy?: boolean } = {},
): TemplateResult {
  const disabled = !!opts.disabled || !!opts.busy;
  return html`<div
    role="menuitem"
    tabindex="-1"
    part=${disabled ? 'item item--disabled' : 'item'}
    data-id=${opts.id ?? nothing}
    aria-disabled=${disabled ? 'true' : nothing}
    aria-busy=${opts.busy ? 'true' : nothing}
    @click=${(e: Event) => !disabled && run(e)}
  >
    <span part="item__label">${label}</span>
    ${opts.reason ? html`<span part="item__reason">${opts.reason}</span>` : nothing}
  </div>`;
}

/** A section: a separator, then a labelled group. */
export function group(id: string, label: string, body: unknown): TemplateResult {
  return html`<div role="separator" part="separator"></div>
    <div role="group" part="group" aria-labelledby=${`g-${id}`} data-section=${id}>
      <div part="group__label" id=${`g-${id}`} role="presentation">${label}</div>
      ${body}
    </div>`;
}

export function hostItems(v: MenuView, section: NonNullable<PivotMenuItem['section']>): TemplateResult[] {
  const o = v.observable;
  return v.items
    .filter((i) => (i.section ?? 'more') === section && (!i.when || i.when(o)))
    .map((i) => item(typeof i.label === 'function' ? i.label(o) : i.label, () => v.runHostItem(i), { id: i.id }));
}

export function header(v: MenuView): TemplateResult {
  const o = v.observable;
  return html`<div part="header" id="header">
    <span part="header__type">${v.t.observableType(o.type)}</span>
    <span part="header__value" title=${o.value} aria-hidden="true">${truncateMiddle(o.value, 34)}</span>
    <span class="visually-hidden">${o.value}</span>
  </div>`;
}

export function verdicts(v: MenuView): TemplateResult {
  const t = v.t;
  const missing = reasonOf(v, 'enrich');
  let body: unknown;
  if (v.auth !== 'ready') body = nothing;
  else if (missing) body = html`<p part="note">${missing}</p>`;
  else if (v.verdicts.s === 'error') body = html`<p part="note verdict--error">${t.sectionFailed(v.verdicts.msg)}</p>`;
  else {
    const loading = v.verdicts.s === 'loading';
    const shown = v.verdicts.s === 'done' ? v.verdicts.v : v.partial;
    body = html`
      ${shown.conflict ? html`<p part="conflict" role="note">⚠ ${t.modulesDisagree}</p>` : nothing}
      <ul part="verdict-list">
        ${shown.modules.map(
          (m) =>
            html`<li part="verdict">
              <span part="verdict__module">${m.module}</span>
              <pk-verdict-badge .disposition=${m.disposition}></pk-verdict-badge>
            </li>`,
        )}
        ${shown.errors.map(
          (e) =>
            html`<li part="verdict verdict--error">
              <span part="verdict__module">${e.module ?? e.moduleTypeId}</span>
              <span part="verdict__error">${e.message}</span>
            </li>`,
        )}
      </ul>
      ${loading ? html`<p part="note">${t.loadingVerdicts}</p>` : nothing}
      ${!loading && !shown.modules.length && !shown.errors.length ? html`<p part="note">${t.noVerdicts}</p>` : nothing}
    `;
  }
  return html`<div
    part="verdicts"
    role="group"
    aria-labelledby="verdicts-label"
    aria-busy=${v.verdicts.s === 'loading' && v.auth === 'ready' ? 'true' : 'false'}
  >
    <div part="group__label" id="verdicts-label">${t.verdicts}</div>
    ${body}
  </div>`;
}

/** The screen-reader summary of the verdicts, with the translated disposition names. */
export function verdictSummary(v: MenuView): string {
  const t = v.t;
  if (v.verdicts.s !== 'done') return '';
  const r = v.verdicts.v;
  if (r.conflict) return t.modulesDisagree;
  return t.verdictSummary(r.modules.map((m) => ({ module: m.module, name: t.dispositionName(m.disposition) })));
}

function errorsOf(v: MenuView, errors: ModuleError[]) {
  return errors.map(
    (e) => html`<p part="note verdict--error">${v.t.moduleError(e.module ?? e.moduleTypeId, e.message)}</p>`,
  );
}

function casebook(v: MenuView): TemplateResult {
  const t = v.t;
  const noCase = reasonOf(v, 'casebook');
  const caseId = v.caseId;
  return group(
    'casebook',
    t.casebook,
    html`${item(t.addToNewCase, () => v.addToCase(false), {
      id: 'new-case',
      reason: noCase,
      disabled: !!noCase,
      busy: v.busy === 'new',
    })}
    ${item(
      caseId ? t.addToCurrentCase(truncateMiddle(v.caseLabel, 40)) : t.addToCurrentCaseNone,
      () => v.addToCase(true),
      {
        id: 'current-case',
        reason: noCase ?? (caseId ? undefined : t.noCurrentCase),
        disabled: !!noCase || !caseId,
        busy: v.busy === 'current',
      },
    )}
    ${hostItems(v, 'casebook')}`,
  );
}

function pivot(v: MenuView): TemplateResult {
  const t = v.t;
  const missing = reasonOf(v, 'refer');
  let body: unknown;
  if (missing) body = item(t.pivot, () => {}, { disabled: true, reason: missing, id: 'pivot-unavailable' });
  else if (v.links.s === 'loading') body = html`<p part="note" role="none">${t.loadingLinks}</p>`;
  else if (v.links.s === 'error') body = html`<p part="note verdict--error">${t.sectionFailed(v.links.msg)}</p>`;
  else {
    const byModule = new Map<string, ReferLink[]>();
    for (const l of v.links.v.links) byModule.set(l.module, [...(byModule.get(l.module) ?? []), l]);
    body = html`${[...byModule].map(
      ([module, links], i) =>
        html`<div role="group" part="subgroup" aria-labelledby=${`m-${i}`}>
          <div part="subgroup__label" id=${`m-${i}`} role="presentation">${module}</div>
          ${links.map((l) => {
            const href = safeHttpUrl(l.url);
            return href
              ? html`<a
                  role="menuitem"
                  tabindex="-1"
                  part="item item--link"
                  href=${href}
                  target="_blank"
                  rel="noopener noreferrer"
                  title=${l.description || nothing}
                  @click=${() => v.linkOpened()}
                  ><span part="item__label">${l.title}</span
                  ><span class="visually-hidden">(${t.opensInNewTab})</span></a
                >`
              : item(l.title, () => {}, { disabled: true, reason: t.unsafeLink(l.url) });
          })}
        </div>`,
    )}
    ${v.links.v.links.length ? nothing : html`<p part="note">${t.noLinks}</p>`} ${errorsOf(v, v.links.v.errors)}`;
  }
  return group('pivot', t.pivot, html`${body}${hostItems(v, 'pivot')}`);
}

function response(v: MenuView): TemplateResult {
  const t = v.t;
  const missing = reasonOf(v, 'response');
  let body: unknown;
  if (missing) body = item(t.response, () => {}, { disabled: true, reason: missing, id: 'response-unavailable' });
  else if (v.actions.s === 'loading') body = html`<p part="note" role="none">${t.loadingActions}</p>`;
  else if (v.actions.s === 'error') body = html`<p part="note verdict--error">${t.sectionFailed(v.actions.msg)}</p>`;
  else {
    const { actions, errors } = v.actions.v;
    body = html`${actions.map((a) => {
      const r = v.results.get(a.id);
      return item(a.title, () => v.askConfirm(a), {
        id: `action-${a.id}`,
        busy: v.busy === a.id,
        reason: r ? (r.status === 'success' ? t.actionSucceeded(a.title) : t.actionFailed(a.title)) : a.module,
      });
    })}
    ${actions.length ? nothing : html`<p part="note">${t.noActions}</p>`} ${errorsOf(v, errors)}`;
  }
  return group('response', t.response, html`${body}${hostItems(v, 'response')}`);
}

/** The sections that need a session: sign-in while signed out, else casebook, pivot and response. */
export function sections(v: MenuView): TemplateResult {
  const t = v.t;
  if (v.auth === 'none' || v.auth === 'failed')
    return group(
      'account',
      t.signedOut,
      signedOutPrompt({ t, host: v.host, as: 'menuitem', after: () => v.signInRequested() }),
    );
  if (v.auth === 'signing-in') return html`<p part="note" role="none">${t.signingIn}</p>`;
  return html`${casebook(v)}${pivot(v)}${response(v)}`;
}

/** The confirmation of a response action: Cancel is the default for destructive ones. */
export function confirmBody(
  t: SharedStrings,
  action: ResponseAction,
  o: Observable,
  answer: (confirmed: boolean) => void,
): TemplateResult {
  const destructive = isDestructive(action);
  return html`<p part="dialog__body" id="dialog-body">${action.description || t.confirmActionBody(action.title, o)}</p>
    <button slot="footer" part="dialog__cancel" ?autofocus=${destructive} @click=${() => answer(false)}>
      ${t.cancel}
    </button>
    <button
      slot="footer"
      part=${destructive ? 'dialog__confirm dialog__confirm--danger' : 'dialog__confirm'}
      ?autofocus=${!destructive}
      @click=${() => answer(true)}
    >
      ${t.confirm}
    </button>`;
}
