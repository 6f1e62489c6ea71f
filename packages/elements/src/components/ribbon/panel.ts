// The ribbon's app panel, loaded with import() when an app first opens (at once when the tab had one open: the
// ribbon restores it), or when the bar is idle: the bar shows without it.
import { html, nothing, type SVGTemplateResult } from 'lit';
import type { RibbonStrings } from '../../i18n/ribbon.js';
import type { SharedStrings } from '../../i18n/index.js';
import { PkRibbonAppOpenEvent } from '../../events/ribbon-app-open.js';
import { appLabel, loadApp, type RibbonApp } from './apps.js';
import type { PkRibbon } from './ribbon.js';
import { SplitterController } from './splitter-controller.js';
import panelStyles from './panel.styles.js';
import { addStyles } from '../../styles/add-styles.js';

type Loaded = { status: 'loading' } | { status: 'ready'; element: HTMLElement } | { status: 'error'; error: unknown };

/** What the panel asks of the ribbon, whose state its height and the apps' settings are. */
export interface PanelOptions {
  /** The panel's height in CSS pixels, as shown (a drag's, or the remembered one within the viewport). */
  height: () => number;
  min: number;
  max: () => number;
  /** A new height from the splitter; `done` is false while a pointer drag is still moving. */
  resize: (height: number, done: boolean) => void;
  /** Sets up an app's element once it is created, before it shows. */
  configure: (app: RibbonApp, element: HTMLElement) => void;
  /** The close button's icon, from the bar's icons (which the bar loaded already). */
  closeIcon: SVGTemplateResult;
}

/** The focused element, looking into shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * The panel of `<pk-ribbon>`: its window splitter, title and close button, and the apps' elements (each loaded on
 * first open, kept while the ribbon lives). A controller of the ribbon; its styles are added to the ribbon's shadow
 * root as it loads, before it first renders.
 */
export class RibbonPanel {
  readonly #host: PkRibbon;
  readonly #opts: PanelOptions;
  readonly #splitter: SplitterController;
  #loaded = new Map<string, Loaded>();

  constructor(host: PkRibbon, opts: PanelOptions) {
    this.#host = host;
    this.#opts = opts;
    this.#splitter = new SplitterController(host, {
      value: opts.height,
      min: () => opts.min,
      max: opts.max,
      onChange: opts.resize,
    });
    addStyles(host, [panelStyles]);
    host.requestUpdate();
  }

  /**
   * Shows `app` once the ribbon made it the open one (`was`: the app open before): loads its element on first open,
   * then, when it is still the open one, moves focus into it (`focus`) and tells the page it opened.
   */
  async show(app: RibbonApp, was: string | null, opts: { focus?: boolean }): Promise<HTMLElement | undefined> {
    const host = this.#host;
    const element = await this.#ensureLoaded(app);
    await host.updateComplete;
    // The app renders once it is in the panel: wait for that before looking for its first field.
    await (element as (HTMLElement & { updateComplete?: Promise<unknown> }) | undefined)?.updateComplete;
    if (host.openApp !== app.id) return element;
    if (opts.focus) this.#focus(element);
    if (element && was !== app.id) host.dispatchEvent(new PkRibbonAppOpenEvent({ id: app.id, element }));
    return element;
  }

  /** Whether focus is in the panel (or in an app's shadow root inside it). */
  hasFocus(): boolean {
    const panel = this.#host.renderRoot.querySelector('#panel');
    for (let n: Node | null = deepActive(); n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n === panel) return true;
    }
    return false;
  }

  async #ensureLoaded(app: RibbonApp): Promise<HTMLElement | undefined> {
    const known = this.#loaded.get(app.id);
    if (known?.status === 'ready') return known.element;
    if (known?.status === 'loading') return undefined;
    this.#set(app.id, { status: 'loading' });
    try {
      await loadApp(app);
      const element = document.createElement(app.tag);
      this.#opts.configure(app, element);
      this.#set(app.id, { status: 'ready', element });
      return element;
    } catch (error) {
      this.#set(app.id, { status: 'error', error });
      return undefined;
    }
  }

  #set(id: string, l: Loaded) {
    this.#loaded.set(id, l);
    this.#host.requestUpdate();
  }

  #focus(element: HTMLElement | undefined) {
    element?.focus();
    if (element && !this.hasFocus()) {
      // Most apps do not delegate focus: their first field or button takes it.
      element.shadowRoot
        ?.querySelector<HTMLElement>('textarea, input:not([type="hidden"]), select, button, [tabindex="0"], a[href]')
        ?.focus();
    }
    if (!this.hasFocus()) this.#host.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus();
  }

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.#host.close();
  };

  async #retry(app: RibbonApp) {
    this.#loaded.delete(app.id);
    await this.#host.open(app.id, { focus: true });
  }

  #body(app: RibbonApp | undefined, t: SharedStrings & RibbonStrings) {
    const l = app ? this.#loaded.get(app.id) : undefined;
    const views = [...this.#loaded].map(([id, x]) =>
      x.status === 'ready' ? html`<div class="app" ?hidden=${id !== app?.id}>${x.element}</div>` : nothing,
    );
    if (!app || !l || l.status === 'ready') return views;
    if (l.status === 'loading')
      return html`${views}
        <p part="message" role="status">${t.loadingApp(appLabel(app, t))}</p>`;
    const message = l.error instanceof Error ? l.error.message : String(l.error);
    return html`${views}
      <div part="message" role="alert">
        <p>${t.appLoadFailed(appLabel(app, t), message)}</p>
        <button part="button" type="button" @click=${() => this.#retry(app)}>${t.retry}</button>
      </div>`;
  }

  /** The panel (a popover the ribbon shows and hides), with `open`, the open app, in it. */
  render(open: RibbonApp | undefined, t: SharedStrings & RibbonStrings) {
    const height = this.#opts.height();
    const s = this.#splitter;
    const label = open ? appLabel(open, t) : '';
    return html`<div
      part="panel"
      id="panel"
      popover="manual"
      role="dialog"
      aria-labelledby="panel-title"
      @keydown=${this.#onKeydown}
    >
      <div
        part="splitter"
        role="separator"
        tabindex="0"
        aria-label=${t.resizePanel}
        aria-orientation="horizontal"
        aria-controls="panel-body"
        aria-valuemin=${this.#opts.min}
        aria-valuemax=${this.#opts.max()}
        aria-valuenow=${height}
        aria-valuetext=${t.resizePanelText(height)}
        @keydown=${s.handleKeydown}
        @pointerdown=${s.handlePointerdown}
        @pointermove=${s.handlePointermove}
        @pointerup=${s.handlePointerup}
        @pointercancel=${s.handlePointerup}
      ></div>
      <header part="panel__header">
        <h2 part="panel__title" id="panel-title" tabindex="-1">${label}</h2>
        <button part="panel__close" type="button" aria-label=${t.closeApp(label)} @click=${() => this.#host.close()}>
          <svg viewBox="0 0 16 16" aria-hidden="true">${this.#opts.closeIcon}</svg>
        </button>
      </header>
      <div part="panel__body" id="panel-body">${this.#body(open, t)}</div>
    </div>`;
  }
}
