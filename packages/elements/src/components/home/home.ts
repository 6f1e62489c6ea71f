import { LitElement, html, nothing } from 'lit';
import { scopeCovers } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonEn } from '../../i18n/ribbon.js';
import { ribbonPanelsEn } from '../../i18n/ribbon-panels.js';
import { SessionController } from '../../controllers/session-controller.js';
import { requestSignIn } from '../../templates/session.js';
import { announce } from '../../a11y/announce.js';
import { tokens } from '../../styles/tokens.js';
import { appLabel, onRibbonAppsChange, ribbonApps, type RibbonApp } from '../ribbon/apps.js';
import { isDialogClient } from '../sign-in/dialog-clients.js';
import { scopeEnables, signOutEverywhere } from '../sign-in/session-actions.js';
import styles from './home.styles.js';

/**
 * @tag pk-home
 * @summary The ribbon's Home app: the session (client ID, region, token expiry, never the secret), the granted
 * scopes with what each enables, the apps with the scopes they miss, and sign-in, credentials and sign-out.
 * @status experimental
 * @since 0.2
 *
 * @event {PkRequestSignInEvent} pk-request-sign-in - Sign in / Edit credentials was pressed (the ribbon opens its dialog).
 *
 * @csspart section - Each section (session, scopes, apps).
 * @csspart facts - The session's facts (a description list).
 * @csspart scopes - The list of granted scopes.
 * @csspart scope - One granted scope.
 * @csspart apps - The list of apps.
 * @csspart app - One app and whether it is ready.
 * @csspart app--missing - An app that lacks scopes.
 * @csspart button - Every button.
 */
export class PkHome extends LitElement {
  static override styles = [tokens, styles];

  readonly #l = new LocalizeController(this, ribbonEn, ribbonPanelsEn);
  readonly #session = new SessionController(this);
  #offApps: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#offApps = onRibbonAppsChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offApps?.();
  }

  #missingFor(app: RibbonApp): string[] {
    const s = this.#session.state;
    const fromFeature = app.feature ? this.#session.missingScopes(app.feature) : [];
    const fromScopes = (app.scopes ?? []).filter((need) => !s.scopes.some((g) => scopeCovers(g, need)));
    return [...new Set([...fromFeature, ...fromScopes])];
  }

  async #signOut() {
    await signOutEverywhere();
    announce(this.#l.t.signedOutDone);
  }

  protected override render() {
    const t = this.#l.t;
    const s = this.#session.state;
    const signedIn = s.status === 'signed-in';
    const lang = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || undefined;
    const expires = s.expiresAt
      ? new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(s.expiresAt))
      : undefined;
    const minutes = s.expiresAt ? Math.round((s.expiresAt - Date.now()) / 60_000) : 0;
    const scopesUnknown = signedIn && !!s.client?.session?.scopesUnknown;
    const editable = !s.client || isDialogClient(s.client) || s.status !== 'signed-in';
    return html`<section part="section" aria-labelledby="session-h">
        <h3 id="session-h">${t.homeSession}</h3>
        <dl part="facts">
          <dt>${t.homeStatus}</dt>
          <dd>${t.statusName(s.status)}</dd>
          ${
            s.clientId
              ? html`<dt>${t.homeClient}</dt>
                  <dd><code>${s.clientId}</code></dd>`
              : nothing
          }
          ${
            s.region
              ? html`<dt>${t.homeRegion}</dt>
                  <dd>${t.regionName(s.region)}</dd>`
              : nothing
          }
          ${
            signedIn && expires
              ? html`<dt>${t.homeExpires}</dt>
                  <dd>${minutes > 0 ? t.homeExpiresAt(expires, minutes) : t.homeExpired}</dd>`
              : nothing
          }
        </dl>
        <div class="actions">
          ${
            editable
              ? html`<button part="button" type="button" @click=${() => requestSignIn(this)}>
                  ${signedIn ? t.homeEditCredentials : t.signIn}
                </button>`
              : html`<p class="note">${t.homeHostClient}</p>`
          }
          ${
            signedIn || s.client
              ? html`<button part="button" type="button" @click=${this.#signOut}>${t.signOut}</button>`
              : nothing
          }
        </div>
      </section>
      ${
        signedIn
          ? html`<section part="section" aria-labelledby="scopes-h">
              <h3 id="scopes-h">${t.homeScopes}</h3>
              ${
                scopesUnknown
                  ? html`<p class="note">${t.homeScopesUnknown}</p>`
                  : html`<ul part="scopes">
                      ${s.scopes.map((scope) => {
                        const what = scopeEnables(scope).map((f) => t.featureName(f));
                        return html`<li part="scope">
                          <code>${scope}</code>
                          <span class="note"
                            >${what.length ? t.homeScopeEnables(what) : t.homeScopeEnablesNothing}</span
                          >
                        </li>`;
                      })}
                    </ul>`
              }
            </section>`
          : nothing
      }
      <section part="section" aria-labelledby="apps-h">
        <h3 id="apps-h">${t.homeApps}</h3>
        ${
          signedIn
            ? html`<ul part="apps">
                ${ribbonApps()
                  .filter((a) => a.feature || a.scopes?.length)
                  .map((a) => {
                    const missing = scopesUnknown ? [] : this.#missingFor(a);
                    return html`<li part=${missing.length ? 'app app--missing' : 'app'}>
                      <span class="app-name">${appLabel(a, t)}</span>
                      <span class=${missing.length ? 'bad' : 'ok'}
                        >${missing.length ? t.homeAppMissing(missing) : t.homeAppReady}</span
                      >
                    </li>`;
                  })}
              </ul>`
            : html`<p class="note">${t.homeSignedOut}</p>`
        }
      </section>`;
  }
}
