import { css } from 'lit';

// Notes on the rules below (kept out of the CSS text itself, which ships as written):
// - :host starts from none of the page's inherited properties (`all: initial`): the page's CSS reaches a shadow
//   root only through them. Its `color-scheme: inherit` makes "auto" follow the page's colour scheme (and through
//   it the system's). The `--_p-*` properties read the page's theme tokens, if it has any, there: the auto theme
//   hands them down (see .theme).
// - .theme has the built-in tokens, then reads them again as the `--_*` values the rules use (the tokens module
//   read the page's values on :host; this is where the fallbacks are). `[data-theme='auto']` follows the page:
//   its own tokens, if it has any, win (the page's theme).
// - `[popover]` undoes the UA's centred-box defaults of popovers.
// - `bar-message` sits above the bar, where the panel would be, so that the bar keeps its items.
// - Narrow viewports (52rem): icons only, the names stay for assistive technology and as tooltips.
export default css`
  :host {
    all: initial;
    color-scheme: inherit;
    --bar-height: 2.75rem;
    --panel-width: 46rem;
    display: block;
    block-size: var(--bar-height);
    inline-size: 100%;
    --_p-text: var(--pk-color-text);
    --_p-text-muted: var(--pk-color-text-muted);
    --_p-surface: var(--pk-color-surface);
    --_p-surface-raised: var(--pk-color-surface-raised);
    --_p-border: var(--pk-color-border);
    --_p-accent: var(--pk-color-accent);
    --_p-accent-text: var(--pk-color-accent-text);
    --_p-focus: var(--pk-color-focus);
    --_p-danger: var(--pk-color-danger);
    --_p-clean: var(--pk-color-clean);
    --_p-malicious: var(--pk-color-malicious);
    --_p-suspicious: var(--pk-color-suspicious);
    --_p-common: var(--pk-color-common);
    --_p-unknown: var(--pk-color-unknown);
  }
  :host([hidden]) {
    display: none;
  }

  .theme {
    display: contents;
    --pk-color-text: light-dark(#1d2430, #e6e9ef);
    --pk-color-text-muted: light-dark(#5a6372, #a3acba);
    --pk-color-surface: light-dark(#ffffff, #1b1f27);
    --pk-color-surface-raised: light-dark(#f4f6f9, #252b35);
    --pk-color-border: light-dark(#8b95a5, #5b6473);
    --pk-color-accent: light-dark(#0b62d6, #6ea8ff);
    --pk-color-accent-text: light-dark(#ffffff, #0b1220);
    --pk-color-focus: light-dark(#0b62d6, #8fbcff);
    --pk-color-danger: light-dark(#b3261e, #ff8a80);
    --pk-color-clean: light-dark(#1b7f3b, #6fd58f);
    --pk-color-malicious: light-dark(#b3261e, #ff8a80);
    --pk-color-suspicious: light-dark(#a15c00, #f5b85a);
    --pk-color-common: light-dark(#3d5a80, #9bb8e0);
    --pk-color-unknown: light-dark(#5a6372, #a3acba);
    --_fg: var(--pk-color-text);
    --_fg-muted: var(--pk-color-text-muted);
    --_bg: var(--pk-color-surface);
    --_bg-raised: var(--pk-color-surface-raised);
    --_border: var(--pk-color-border);
    --_accent: var(--pk-color-accent);
    --_accent-fg: var(--pk-color-accent-text);
    --_focus: var(--pk-color-focus);
    --_danger: var(--pk-color-danger);
    --_clean: var(--pk-color-clean);
    --_malicious: var(--pk-color-malicious);
    --_suspicious: var(--pk-color-suspicious);
    --_common: var(--pk-color-common);
    --_unknown: var(--pk-color-unknown);
  }
  .theme[data-theme='auto'] {
    --pk-color-text: var(--_p-text, light-dark(#1d2430, #e6e9ef));
    --pk-color-text-muted: var(--_p-text-muted, light-dark(#5a6372, #a3acba));
    --pk-color-surface: var(--_p-surface, light-dark(#ffffff, #1b1f27));
    --pk-color-surface-raised: var(--_p-surface-raised, light-dark(#f4f6f9, #252b35));
    --pk-color-border: var(--_p-border, light-dark(#8b95a5, #5b6473));
    --pk-color-accent: var(--_p-accent, light-dark(#0b62d6, #6ea8ff));
    --pk-color-accent-text: var(--_p-accent-text, light-dark(#ffffff, #0b1220));
    --pk-color-focus: var(--_p-focus, light-dark(#0b62d6, #8fbcff));
    --pk-color-danger: var(--_p-danger, light-dark(#b3261e, #ff8a80));
    --pk-color-clean: var(--_p-clean, light-dark(#1b7f3b, #6fd58f));
    --pk-color-malicious: var(--_p-malicious, light-dark(#b3261e, #ff8a80));
    --pk-color-suspicious: var(--_p-suspicious, light-dark(#a15c00, #f5b85a));
    --pk-color-common: var(--_p-common, light-dark(#3d5a80, #9bb8e0));
    --pk-color-unknown: var(--_p-unknown, light-dark(#5a6372, #a3acba));
  }
  .theme[data-theme='light'] {
    color-scheme: light;
  }
  .theme[data-theme='dark'] {
    color-scheme: dark;
  }

  [popover] {
    margin: 0;
    padding: 0;
    border: 0;
    inset: auto;
    overflow: visible;
    color: var(--_fg);
    background: var(--_bg);
    font: var(--_font-size) / 1.4 var(--_font);
    letter-spacing: normal;
    text-transform: none;
    text-align: start;
    box-sizing: border-box;
  }

  [part~='bar'] {
    position: fixed;
    inset-block-end: 0;
    inset-inline-start: calc(var(--_offset) * 100%);
    transform: translateX(calc(var(--_offset) * -100%));
    display: flex;
    align-items: stretch;
    block-size: var(--bar-height);
    max-inline-size: 100vw;
    border: 1px solid var(--_border);
    border-block-end: 0;
    border-start-start-radius: var(--_radius);
    border-start-end-radius: var(--_radius);
    box-shadow: 0 -2px 12px rgb(0 0 0 / 0.12);
  }
  [part~='bar']:dir(rtl) {
    transform: translateX(calc(var(--_offset) * 100%));
  }

  [part~='bar-message'] {
    position: fixed;
    inset-block-end: calc(var(--bar-height) + 0.25rem);
    inset-inline-start: calc(var(--_offset) * 100%);
    transform: translateX(calc(var(--_offset) * -100%));
    box-sizing: border-box;
    max-inline-size: min(var(--panel-width), 100vw);
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem 0.75rem;
    color: var(--_danger);
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  [part~='bar-message']:popover-open {
    display: flex;
  }
  [part~='bar-message']:dir(rtl) {
    transform: translateX(calc(var(--_offset) * 100%));
  }
  [part~='bar-message'] [part~='button'] {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 0.125rem 0.5rem;
    cursor: pointer;
  }
  [part~='bar-message'] [part~='button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  [part~='handle'] {
    display: grid;
    place-items: center;
    inline-size: 1.5rem;
    color: var(--_fg-muted);
    cursor: grab;
    touch-action: none;
    border-start-start-radius: var(--_radius);
  }
  [part~='handle']:active {
    cursor: grabbing;
  }
  [part~='handle'] svg {
    inline-size: 1rem;
    block-size: 1rem;
  }

  [part~='toolbar'] {
    display: flex;
    align-items: stretch;
    gap: 0.125rem;
    padding-inline-end: 0.25rem;
    overflow-x: auto;
    scrollbar-width: thin;
  }

  [part~='item'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    margin: 0.25rem 0;
    padding: 0 0.625rem;
    color: var(--_fg);
    background: transparent;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) - 2px);
    font: inherit;
    white-space: nowrap;
    cursor: pointer;
  }
  [part~='item']:hover {
    background: var(--_bg-raised);
  }
  [part~='item--active'] {
    color: var(--_accent-fg);
    background: var(--_accent);
  }
  [part~='item--active']:hover {
    background: var(--_accent);
  }
  [part~='toggle'] .brand {
    font-weight: 700;
  }
  [part~='sign-in'] {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  [part~='item__icon'] {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
  }
  [part~='item__count'] {
    min-inline-size: 1.25rem;
    padding: 0 0.3rem;
    border-radius: 0.625rem;
    background: var(--_fg);
    color: var(--_bg);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1.25rem;
    text-align: center;
  }
  [part~='item--active'] [part~='item__count'] {
    background: var(--_accent-fg);
    color: var(--_accent);
  }

  :is([part~='item'], [part~='handle']):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  @media (max-width: 52rem) {
    [part~='item'] [part~='item__label'] {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    [part~='item'] {
      padding: 0 0.5rem;
    }
  }

  @media (forced-colors: active) {
    [part~='item--active'] {
      outline: 2px solid Highlight;
    }
  }
`;
