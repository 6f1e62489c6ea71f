import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { PivotkitClient, Tlp } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonEn } from '../../i18n/ribbon.js';
import { ribbonPanelsEn } from '../../i18n/ribbon-panels.js';
import { ribbonAppsEn } from '../../i18n/ribbon-apps.js';
import { SessionController } from '../../controllers/session-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { announce } from '../../a11y/announce.js';
import {
  parseShortcut,
  PERSISTENCE,
  settings,
  THEMES,
  TLPS,
  type Persistence,
  type Settings,
  type ShortcutAction,
} from '../../state/settings.js';
import { forgetAll } from '../../state/credentials.js';
import { tokens } from '../../styles/tokens.js';
import styles from './settings.styles.js';

// The default TLP picker lists the markings from the least restricted.
const TLPS_SHOWN = [...TLPS].reverse();
const LANGUAGES = ['', 'en'];

// Documentation values (RFC 2606, RFC 5737): asking about them tells which modules answer, and leaks nothing.
const PROBE = [
  { type: 'domain', value: 'example.com' },
  { type: 'ip', value: '192.0.2.1' },
  { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
];

interface ModuleInfo {
  id: string;
  name: string;
}

/**
 * @tag pk-settings
 * @summary The ribbon's Settings app: theme, language, the enrichment modules, page decoration, the TLP of new
 * cases, how the session may be kept, and the keyboard shortcuts.
 * @status experimental
 * @since 0.2
 *
 * @description Every change is saved at once (in `state/settings.ts`, per origin) and applies to every tab.
 * The session persistence options other than "only on this page" are offered only when the host allows them
 * (`<pk-ribbon allow-persistence>`), each with its risk spelled out.
 *
 * @csspart group - Each group of settings (a fieldset).
 * @csspart input - Selects, text inputs, checkboxes and radios.
 * @csspart help - A setting's explanation.
 * @csspart risk - What a persistence option risks.
 * @csspart shortcuts - The table of shortcuts.
 * @csspart button - Every button.
 */
export class PkSettings extends LitElement {
  static override styles = [tokens, styles];

  /** The persistence choices the host allows beyond memory. */
  @property({ attribute: false }) allowPersistence: readonly Persistence[] = [];

  // ribbonAppsEn for one string: the modules that failed to load show the apps' `appError`.
  readonly #l = new LocalizeController(this, ribbonEn, ribbonPanelsEn, ribbonAppsEn);
  readonly #session = new SessionController(this);
  readonly #settings = new StoreController(this, settings);
  #invalid = new Set<ShortcutAction>();

  readonly #modules = new Task(this, {
    task: async ([client, signedIn], { signal }): Promise<ModuleInfo[]> => {
      if (!client || !signedIn) return [];
      const r = await (client as PivotkitClient).enrich.deliberate(PROBE, { signal, fresh: true });
      const seen = new Map<string, string>();
      for (const m of r.modules) seen.set(m.moduleInstanceId, m.module);
      for (const e of r.errors)
        if (!seen.has(e.moduleInstanceId)) seen.set(e.moduleInstanceId, e.module ?? e.moduleInstanceId);
      return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    },
    args: () => [this.#session.client, this.#session.state.status === 'signed-in'] as const,
  });

  #set(patch: Partial<Settings>) {
    settings.set(patch);
    // Back to memory only: what an earlier choice saved goes now, not at the next page load.
    if (patch.persistence === 'memory') void forgetAll();
    announce(this.#l.t.settingsSaved);
  }

  #toggleModule(all: ModuleInfo[], id: string, on: boolean) {
    const current = this.#settings.value.mids;
    const chosen = new Set(current.length ? current : all.map((m) => m.id));
    if (on) chosen.add(id);
    else chosen.delete(id);
    // Every module ticked is the same as no restriction, which also covers modules added later.
    const mids = all.every((m) => chosen.has(m.id)) ? [] : [...chosen];
    this.#set({ mids });
  }

  #shortcut(action: ShortcutAction, e: Event) {
    const input = e.target as HTMLInputElement;
    const value = input.value.trim();
    if (value && !parseShortcut(value)) {
      this.#invalid.add(action);
      this.requestUpdate();
      return;
    }
    this.#invalid.delete(action);
    this.#set({ shortcuts: { ...this.#settings.value.shortcuts, [action]: value } });
  }

  #modulesGroup() {
    const t = this.#l.t;
    const s = this.#settings.value;
    return html`<fieldset part="group">
      <legend>${t.settingsModules}</legend>
      <p part="help" id="modules-help">${t.settingsModulesHelp}</p>
      ${
        this.#session.state.status !== 'signed-in'
          ? html`<p part="help">${t.settingsModulesSignedOut}</p>`
          : this.#modules.render({
              pending: () => html`<p part="help" role="status">${t.settingsModulesLoading}</p>`,
              error: (e) =>
                html`<p part="help" role="alert">${t.appError(e instanceof Error ? e.message : String(e))}</p>`,
              complete: (all) =>
                html`${all.map(
                  (m) =>
                    html`<label class="check">
                      <input
                        part="input"
                        type="checkbox"
                        .checked=${s.mids.length === 0 || s.mids.includes(m.id)}
                        aria-describedby="modules-help"
                        @change=${(e: Event) => this.#toggleModule(all, m.id, (e.target as HTMLInputElement).checked)}
                      />
                      ${m.name}
                    </label>`,
                )}${s.mids.length === 0 ? html`<p part="help">${t.settingsModulesAll}</p>` : nothing}`,
            })
      }
    </fieldset>`;
  }

  protected override render() {
    const t = this.#l.t;
    const s = this.#settings.value;
    return html`<fieldset part="group">
        <legend>${t.settingsTheme}</legend>
        ${THEMES.map(
          (theme) =>
            html`<label class="check">
              <input
                part="input"
                type="radio"
                name="theme"
                .checked=${s.theme === theme}
                @change=${() => this.#set({ theme })}
              />
              ${t.themeName(theme)}
            </label>`,
        )}
      </fieldset>
      <fieldset part="group">
        <legend>${t.settingsLanguage}</legend>
        <label class="field">
          <span class="visually-hidden">${t.settingsLanguage}</span>
          <select part="input" @change=${(e: Event) => this.#set({ lang: (e.target as HTMLSelectElement).value })}>
            ${[...new Set([...LANGUAGES, s.lang])].map(
              (code) =>
                html`<option value=${code} ?selected=${s.lang === code}>
                  ${code ? (new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code) : t.languagePage}
                </option>`,
            )}
          </select>
        </label>
      </fieldset>
      ${this.#modulesGroup()}
      <fieldset part="group">
        <legend>${t.settingsDecorate}</legend>
        <label class="check">
          <input
            part="input"
            type="checkbox"
            .checked=${s.decorate}
            aria-describedby="decorate-help"
            @change=${(e: Event) => this.#set({ decorate: (e.target as HTMLInputElement).checked })}
          />
          ${t.settingsDecorate}
        </label>
        <p part="help" id="decorate-help">${t.settingsDecorateHelp}</p>
      </fieldset>
      <fieldset part="group">
        <legend>${t.settingsDefaultTlp}</legend>
        <label class="field">
          <span class="visually-hidden">${t.settingsDefaultTlp}</span>
          <select
            part="input"
            @change=${(e: Event) => this.#set({ defaultTlp: (e.target as HTMLSelectElement).value as Tlp })}
          >
            ${TLPS_SHOWN.map((tlp) => html`<option value=${tlp} ?selected=${s.defaultTlp === tlp}>${t.tlpName(tlp)}</option>`)}
          </select>
        </label>
      </fieldset>
      <fieldset part="group">
        <legend>${t.settingsPersistence}</legend>
        ${PERSISTENCE.map((p) => {
          const ok = p === 'memory' || this.allowPersistence.includes(p);
          return html`<div class="option">
            <label class="check">
              <input
                part="input"
                type="radio"
                name="persistence"
                .checked=${s.persistence === p}
                ?disabled=${!ok}
                aria-describedby="risk-${p}"
                @change=${() => this.#set({ persistence: p })}
              />
              ${t.persistenceName(p)}
            </label>
            <p part="help risk" id="risk-${p}">${t.persistenceRisk(p)}${ok ? '' : ` ${t.persistenceNotAllowed}`}</p>
          </div>`;
        })}
      </fieldset>
      <fieldset part="group">
        <legend>${t.settingsShortcuts}</legend>
        <table part="shortcuts">
          <tbody>
            ${(Object.keys(s.shortcuts) as ShortcutAction[]).map(
              (action) =>
                html`<tr>
                  <th scope="row"><label for="key-${action}">${t.shortcutName(action)}</label></th>
                  <td>
                    <input
                      part="input"
                      id="key-${action}"
                      class="key"
                      spellcheck="false"
                      autocomplete="off"
                      .value=${s.shortcuts[action]}
                      aria-invalid=${this.#invalid.has(action) ? 'true' : 'false'}
                      aria-describedby=${this.#invalid.has(action) ? `key-${action}-error` : nothing}
                      @change=${(e: Event) => this.#shortcut(action, e)}
                    />
                    ${
                      this.#invalid.has(action)
                        ? html`<p part="help" class="error" id="key-${action}-error">${t.shortcutInvalid}</p>`
                        : nothing
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </fieldset>
      <button
        part="button"
        type="button"
        @click=${() => {
          this.#invalid.clear();
          settings.reset();
          announce(t.settingsSaved);
        }}
      >
        ${t.settingsReset}
      </button>`;
  }
}
