// Shared by the ribbon's browser tests: a fresh ribbon, its parts, real input, and clean state between tests.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PkRibbon } from '../../packages/elements/src/components/ribbon/pk-ribbon.js';
import type { PkSignIn } from '../../packages/elements/src/components/sign-in/sign-in.js';
import '../../packages/elements/src/components/ribbon/pk-ribbon.js';
import { ribbonLayout, ribbonView } from '../../packages/elements/src/state/ribbon-layout.js';
import { settings } from '../../packages/elements/src/state/settings.js';
import { session } from '../../packages/elements/src/state/session.js';
import { currentCase } from '../../packages/elements/src/state/current-case.js';
import { signOutEverywhere } from '../../packages/elements/src/components/sign-in/session-actions.js';
import { DEMO_CREDENTIALS, emulatorUrl } from '../helpers/emulator.js';
import { motionEnded } from '../../packages/elements/src/test-helpers/motion.js';

export { DEMO_CREDENTIALS, emulatorUrl };

/** Back to a first visit: signed out, nothing remembered. */
export async function resetRibbonState(): Promise<void> {
  await signOutEverywhere();
  session.setClient(undefined);
  currentCase.set(null);
  ribbonView.set({ expanded: true, openApp: null, lastSearch: '' });
  ribbonLayout.set({ height: 420, offset: 0 });
  settings.reset();
  localStorage.clear();
  sessionStorage.clear();
}

/** A ribbon at the end of the body, pointed at the emulator for every region (unless `baseUrls` says otherwise). */
export async function ribbonFixture(opts: { baseUrl?: string; attrs?: string } = {}): Promise<PkRibbon> {
  const url = opts.baseUrl ?? (await emulatorUrl());
  const el = await fixture<PkRibbon>(html`<pk-ribbon base-url=${url}></pk-ribbon>`);
  await el.updateComplete;
  return el;
}

/** Resolves when the ribbon's motion (the panel rising as it opens) has ended: axe and pointers need it still. */
export async function settled(el: PkRibbon): Promise<void> {
  await el.updateComplete;
  await motionEnded(el.shadowRoot!);
}

export const part = <T extends HTMLElement = HTMLElement>(el: PkRibbon, name: string): T =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;

export const items = (el: PkRibbon): HTMLElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toolbar"] [part~="item"]'),
];

export const appButton = (el: PkRibbon, id: string): HTMLElement =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-app="${id}"]`)!;

/** The focused element, looking into shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  for (;;) {
    if (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    else if (a instanceof HTMLIFrameElement && a.contentDocument?.activeElement) a = a.contentDocument.activeElement;
    else return a;
  }
}

/** A short description of an element, for assertion messages (chai's inspection of a live element can hang). */
export function describeEl(el: Element | null | undefined): string {
  if (!el) return String(el);
  const attrs = ['part', 'data-app', 'id', 'role'].map((a) =>
    el.hasAttribute(a) ? ` ${a}="${el.getAttribute(a)}"` : '',
  );
  return `<${el.localName}${attrs.join('')}>`;
}

/** Asserts that `el` has focus (looking into shadow roots). */
export function expectFocused(el: Element | null | undefined, what = ''): void {
  const a = deepActive();
  if (a !== el)
    throw new Error(`${what ? `${what}: ` : ''}expected focus on ${describeEl(el)}, it is on ${describeEl(a)}`);
}

/** Asserts that two elements are the same one. */
export function expectSame(actual: Element | null | undefined, expected: Element | null | undefined, what = ''): void {
  if (actual !== expected)
    throw new Error(`${what ? `${what}: ` : ''}expected ${describeEl(expected)}, got ${describeEl(actual)}`);
}

/** Presses a key with modifiers, e.g. `Alt+Shift+KeyC` or `Shift+Tab` (sendKeys' press takes one key only). */
export async function press(combo: string): Promise<void> {
  const keys = combo.split('+');
  const key = keys.pop()!;
  for (const m of keys) await sendKeys({ down: m });
  try {
    await sendKeys({ press: key });
  } finally {
    for (const m of keys.reverse()) await sendKeys({ up: m });
  }
}

/** Presses Tab until `target` has focus (at most `max` times); fails otherwise. */
export async function tabTo(target: Element, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (deepActive() === target) return;
    await sendKeys({ press: 'Tab' });
  }
  if (deepActive() !== target) throw new Error(`Tab never reached ${target.outerHTML.slice(0, 80)}`);
}

/** The centre of an element, in viewport pixels, for sendMouse. */
export function centre(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
}

/** The sign-in dialog's inner elements (looked up when read: the dialog loads on first use). */
export function signInParts(el: PkRibbon) {
  const signIn: PkSignIn = el.shadowRoot!.querySelector('pk-sign-in')!;
  const r = () => signIn.shadowRoot ?? document.createDocumentFragment();
  return {
    signIn,
    get dialog() {
      return r().querySelector('pk-dialog')!;
    },
    get clientId() {
      return r().querySelector<HTMLInputElement>('#client-id')!;
    },
    get secret() {
      return r().querySelector<HTMLInputElement>('#secret')!;
    },
    get region() {
      return r().querySelector<HTMLSelectElement>('#region')!;
    },
    error: () => r().querySelector<HTMLElement>('[part~="error"][role="alert"]'),
    missing: () => r().querySelector<HTMLElement>('[part="missing"]'),
    submit: () => r().querySelector<HTMLButtonElement>('[part~="submit"]')!,
    signOut: () => r().querySelector<HTMLButtonElement>('[part~="sign-out"]'),
  };
}

/** Types credentials into the open dialog with the keyboard and submits with Enter. */
export async function typeCredentials(
  el: PkRibbon,
  creds: { clientId: string; clientSecret: string; region?: string },
): Promise<void> {
  const p = signInParts(el);
  await waitUntil(() => p.dialog?.open && deepActive() === p.clientId, 'the dialog opens on the client ID');
  // Select whatever the field holds, then type over it.
  await press('Control+a');
  await sendKeys({ type: creds.clientId });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: creds.clientSecret });
  if (creds.region) {
    await sendKeys({ press: 'Tab' });
    // A select takes type-ahead: its first letters pick the option.
    const label = [...p.region.options].find((o) => o.value === creds.region)!.textContent!.trim();
    await sendKeys({ type: label.slice(0, 4) });
    // Enter on a select does not submit its form: back to the secret, where it does.
    await press('Shift+Tab');
  }
  await sendKeys({ press: 'Enter' });
}

/** Signs in through the dialog with the keyboard: right-click-free path, the shortcut opens the dialog. */
export async function signInWithDialog(
  el: PkRibbon,
  creds: { clientId: string; clientSecret: string; region?: string } = DEMO_CREDENTIALS,
): Promise<void> {
  await el.editCredentials();
  await typeCredentials(el, creds);
  await waitUntil(() => session.get().status === 'signed-in', 'signed in', { timeout: 4000 });
  await dialogClosed(el);
}

/** Waits until the sign-in dialog is closed, its closing motion included. */
export async function dialogClosed(el: PkRibbon): Promise<void> {
  const native = () => signInParts(el).dialog?.shadowRoot?.querySelector('dialog');
  await waitUntil(() => !native()?.open, 'the dialog closes');
}
