import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Region } from '@pivotkit/sdk';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { ribbonEn, type RibbonStrings } from '../../i18n/ribbon.js';
import { ribbonPanelsEn, type RibbonPanelsStrings } from '../../i18n/ribbon-panels.js';
import { SessionController } from '../../controllers/session-controller.js';
import { announce } from '../../a11y/announce.js';
import type { SharedStrings } from '../../i18n/index.js';
import type { Persistence } from '../../state/settings.js';
import { tokens } from '../../styles/tokens.js';
import type { PkDialog } from '../dialog/dialog.js';
import '../dialog/pk-dialog.js';
import { REGION_ORDER, type RegionBaseUrls } from './client-factory.js';
import { isDialogClient } from './dialog-clients.js';
import { signInWithCredentials, signOutEverywhere, type MissingScope, type SignInProblem } from './session-actions.js';
import styles from './sign-in.styles.js';

/** The message for a failed sign-in. */
export function problemText(
  t: SharedStrings & RibbonStrings & RibbonPanelsStrings,
  p: SignInProblem,
  region: Region,
): string {
  switch (p.kind) {
    case 'credentials':
      return t.errorBadCredentials;
    case 'region':
      return t.errorWrongRegion(t.regionName(region), t.regionName(p.right));
    case 'network':
      return t.errorNetwork(p.host || t.regionName(region));
    case 'timeout':
      return t.errorTimeout(p.host || t.regionName(region));
    case 'rate-limited':
      return t.errorRateLimited(p.seconds);
    case 'service':
      return t.errorService(p.status);
    case 'garbage':
      return t.errorGarbage;
    case 'provider':
      return t.errorProvider;
    default:
      return t.errorUnknown(p.message);
  }
}

/**
 * @tag pk-sign-in
 * @summary The Threat Response sign-in dialog: client ID, client secret and region, with errors that say what
 * went wrong and where.
 * @status experimental
 * @since 0.2
 * @dependency pk-dialog
 *
 * @description Authenticate makes an SDK client for the region and signs the page's session in with it. The
 * secret lives in that client's memory only (unless the analyst chose, among the options the host allows, to
 * keep the session; see Settings). A refused sign-in keeps the client ID and region and names the cause: wrong
 * credentials, credentials of another region (the other regions are asked which one knows them), the network,
 * the service, or an answer that is not a token. A sign-in that lacks scopes lists them with what they disable.
 * While signed in, the region is locked: the service requires signing out before switching region.
 *
 * @csspart dialog - The `<pk-dialog>`.
 * @csspart dialog__box - The dialog's native `<dialog>` box (`<pk-dialog>`'s `dialog` part).
 * @csspart dialog__title - The dialog's heading.
 * @csspart dialog__body - The dialog's body.
 * @csspart dialog__footer - The dialog's footer.
 * @csspart footer - The row of buttons in the footer.
 * @csspart form - The form.
 * @csspart field - A label and its input.
 * @csspart input - The client ID and secret inputs and the region select.
 * @csspart help - A field's help text.
 * @csspart error - The sign-in error.
 * @csspart missing - The list of missing scopes after a sign-in.
 * @csspart button - Every button.
 * @csspart submit - The Authenticate button.
 * @csspart sign-out - The Sign out button (while signed in).
 */
export class PkSignIn extends LitElement {
  static override styles = [tokens, styles];

  /** Where the regions' APIs live when not at Cisco's hosts: one origin for all (an emulator), or a map. */
  @property({ attribute: false }) baseUrls: RegionBaseUrls | undefined;

  /** The persistence choices the host allows beyond memory (Settings offers them). */
  @property({ attribute: false }) allowPersistence: readonly Persistence[] = [];

  /** The region selected when nothing else is known. */
  @property() region: Region = 'nam';

  @state() private _busy = false;
  @state() private _problem: SignInProblem | undefined;
  @state() private _triedRegion: Region = 'nam';
  @state() private _missing: MissingScope[] = [];
  @state() private _invalid: 'clientId' | 'secret' | undefined;
  @state() private _clientId = '';
  @state() private _region: Region | undefined;

  @query('pk-dialog') private _dialog!: PkDialog;
  @query('#secret') private _secret!: HTMLInputElement;
  @query('#client-id') private _clientIdInput!: HTMLInputElement;

  readonly #l = new LocalizeController(this, ribbonEn, ribbonPanelsEn);
  readonly #session = new SessionController(this);
  #abort: AbortController | undefined;

  /** Opens the dialog (on the current credentials when signed in). */
  async show(): Promise<void> {
    const s = this.#session.state;
    if (s.clientId && !this._clientId) this._clientId = s.clientId;
    this._missing = [];
    await this.updateComplete;
    await this._dialog.show();
  }

  /** Closes the dialog. */
  async hide(): Promise<void> {
    await this._dialog?.hide();
  }

  get #signedInRegion(): Region | undefined {
    const s = this.#session.state;
    return s.status === 'signed-in' && isRegionName(s.region) ? s.region : undefined;
  }

  #onHidden() {
    // Whatever happened, the secret does not outlive the dialog in an input.
    if (this._secret) this._secret.value = '';
    this.#abort?.abort();
  }

  async #submit(e: Event) {
    e.preventDefault();
    if (this._busy) return;
    const t = this.#l.t;
    const clientId = this._clientIdInput.value.trim();
    const clientSecret = this._secret.value;
    const region = this.#signedInRegion ?? this._region ?? this.region;
    this._problem = undefined;
    this._missing = [];
    this._invalid = !clientId ? 'clientId' : !clientSecret ? 'secret' : undefined;
    if (this._invalid) {
      await this.updateComplete;
      (this._invalid === 'clientId' ? this._clientIdInput : this._secret).focus();
      return;
    }
    this._clientId = clientId;
    this._busy = true;
    this.#abort = new AbortController();
    try {
      const outcome = await signInWithCredentials(
        { clientId, clientSecret, region },
        { baseUrls: this.baseUrls, allow: this.allowPersistence, signal: this.#abort.signal },
      );
      if (!outcome.ok) {
        this._problem = outcome.problem;
        this._triedRegion = region;
        this._invalid = outcome.problem.kind === 'credentials' ? 'secret' : undefined;
        return;
      }
      this._secret.value = '';
      announce(t.signedInDone(clientId));
      if (outcome.missing.length) this._missing = outcome.missing;
      else await this.hide();
    } finally {
      this._busy = false;
    }
  }

  async #signOut() {
    await signOutEverywhere();
    this._missing = [];
    this._problem = undefined;
    announce(this.#l.t.signedOutDone);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('#region')?.focus();
  }

  protected override render() {
    const t = this.#l.t;
    const s = this.#session.state;
    const signedIn = s.status === 'signed-in';
    const hostClient = signedIn && !isDialogClient(s.client);
    const locked = this.#signedInRegion;
    const region = locked ?? this._region ?? this.region;
    const problem = this._problem ? problemText(t, this._problem, this._triedRegion) : '';
    return html`<pk-dialog
      part="dialog"
      exportparts="dialog:dialog__box, title:dialog__title, body:dialog__body, footer:dialog__footer"
      label=${signedIn ? t.editCredentialsTitle : t.signInTitle}
      @pk-after-hide=${this.#onHidden}
    >
      ${
        hostClient
          ? html`<p part="help">${t.homeHostClient}</p>`
          : html`<form
              part="form"
              id="form"
              novalidate
              @submit=${this.#submit}
              aria-busy=${this._busy ? 'true' : 'false'}
            >
              ${problem ? html`<p part="error" id="error" role="alert">${problem}</p>` : nothing}
              <div part="field">
                <label for="client-id">${t.clientId}</label>
                <input
                  part="input"
                  id="client-id"
                  name="client-id"
                  autocomplete="username"
                  spellcheck="false"
                  required
                  autofocus
                  .value=${this._clientId}
                  aria-invalid=${this._invalid === 'clientId' ? 'true' : 'false'}
                  aria-describedby=${this._invalid === 'clientId' ? 'client-id-error' : nothing}
                />
                ${
                  this._invalid === 'clientId'
                    ? html`<p part="help error" id="client-id-error">${t.fieldRequired(t.clientId)}</p>`
                    : nothing
                }
              </div>
              <div part="field">
                <label for="secret">${t.clientSecret}</label>
                <input
                  part="input"
                  id="secret"
                  name="secret"
                  type="password"
                  autocomplete="off"
                  spellcheck="false"
                  required
                  aria-invalid=${this._invalid === 'secret' ? 'true' : 'false'}
                  aria-describedby=${this._invalid === 'secret' && !problem ? 'secret-error secret-help' : 'secret-help'}
                />
                ${
                  this._invalid === 'secret' && !problem
                    ? html`<p part="help error" id="secret-error">${t.fieldRequired(t.clientSecret)}</p>`
                    : nothing
                }
                <p part="help" id="secret-help">${t.clientSecretHelp}</p>
              </div>
              <div part="field">
                <label for="region">${t.region}</label>
                <select
                  part="input"
                  id="region"
                  name="region"
                  ?disabled=${!!locked}
                  aria-describedby=${locked ? 'region-help' : nothing}
                  @change=${(e: Event) => (this._region = (e.target as HTMLSelectElement).value as Region)}
                >
                  ${REGION_ORDER.map(
                    (r) => html`<option value=${r} ?selected=${r === region}>${t.regionName(r)}</option>`,
                  )}
                </select>
                ${locked ? html`<p part="help" id="region-help">${t.regionLocked}</p>` : nothing}
              </div>
              ${
                this._missing.length
                  ? html`<div part="missing" role="status">
                      <p>${t.missingScopesHeading}</p>
                      <ul>
                        ${this._missing.map(
                          (m) =>
                            html`<li>
                              ${t.missingScopeLine(
                                m.scope,
                                m.disables.map((f) => t.featureName(f)),
                              )}
                            </li>`,
                        )}
                      </ul>
                    </div>`
                  : nothing
              }
            </form>`
      }
      <div slot="footer" part="footer">
        ${
          signedIn
            ? html`<button part="button sign-out" type="button" @click=${this.#signOut}>${t.signOut}</button>`
            : nothing
        }
        ${
          this._missing.length
            ? html`<button part="button submit" type="button" @click=${() => this.hide()}>${t.continueAnyway}</button>`
            : hostClient
              ? nothing
              : html`<button
                  part="button submit"
                  type="submit"
                  form="form"
                  aria-disabled=${this._busy ? 'true' : 'false'}
                >
                  ${this._busy ? t.authenticating : t.authenticate}
                </button>`
        }
      </div>
    </pk-dialog>`;
  }
}

function isRegionName(r: unknown): r is Region {
  return r === 'nam' || r === 'eu' || r === 'apjc';
}
