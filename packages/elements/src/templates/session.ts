import { html, nothing, type TemplateResult } from 'lit';
import type { SharedStrings } from '../i18n/index.js';
import { PkRequestSignInEvent } from '../events/request-sign-in.js';

/**
 * Fires `pk-request-sign-in` from `host` (the host page starts its sign-in flow); true when nobody cancelled it.
 * Every signed-out element asks the same way.
 */
export function requestSignIn(host: HTMLElement): boolean {
  return host.dispatchEvent(new PkRequestSignInEvent());
}

/**
 * The signed-out prompt: "Signed out" and the "Sign in to Threat Response…" action, which fires
 * `pk-request-sign-in` from `host` and then calls `after` (a menu closes, say).
 * `as: 'menuitem'` renders the action as a `role="menuitem"` for menus (part `item`, `data-id="sign-in"`).
 * Parts: `signed-out` (the wrapper), `signed-out__label`, `sign-in` (the button; `item` as a menu item).
 */
export function signedOutPrompt(opts: {
  t: SharedStrings;
  host: HTMLElement;
  after?: (requested: boolean) => void;
  as?: 'button' | 'menuitem';
}): TemplateResult {
  const { t, host } = opts;
  const activate = () => {
    // Not `after?.(requestSignIn(host))`: with no `after`, an optional call skips evaluating its argument.
    const requested = requestSignIn(host);
    opts.after?.(requested);
  };
  if (opts.as === 'menuitem')
    return html`<div role="menuitem" tabindex="-1" part="item" data-id="sign-in" @click=${activate}>
      <span part="item__label">${t.signIn}</span>
    </div>`;
  return html`<div part="signed-out">
    <p part="signed-out__label">${t.signedOut}</p>
    <button type="button" part="sign-in" @click=${activate}>${t.signIn}</button>
  </div>`;
}

/**
 * "Needs the X scope (for Y)": why a feature is unavailable. Renders nothing when no scope is missing.
 * `what` names the feature in the user's words ("Verdicts"); without it, the shorter "Unavailable: needs …".
 * Part: `note` (plus `missing-scopes`).
 */
export function missingScopesNotice(opts: {
  t: SharedStrings;
  scopes: readonly string[];
  what?: string;
}): TemplateResult | typeof nothing {
  const { t, scopes, what } = opts;
  if (!scopes.length) return nothing;
  const text = what ? t.missingScopesFor([...scopes], what) : t.missingScopes([...scopes]);
  return html`<p part="note missing-scopes">${text}</p>`;
}
