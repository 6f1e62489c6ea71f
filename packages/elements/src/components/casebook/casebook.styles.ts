import { css } from 'lit';

export default css`
  :host {
    --width: 30rem;
    --height: 36rem;
    --inset: 1rem;
    display: block;
    color: var(--_fg);
    font: var(--_font-size) / 1.4 var(--_font);
  }
  :host([docked]) {
    display: contents;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  [hidden] {
    display: none !important;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='button'],
  [part~='sign-in'] {
    border: 1px solid var(--_border);
    background: var(--_bg-raised);
    border-radius: var(--_radius);
    padding: 0.2rem 0.55rem;
    cursor: pointer;
    line-height: 1.3;
  }
  [part~='button']:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  [part~='button']:disabled {
    cursor: default;
    opacity: 0.6;
  }
  /* The signed-out prompt's button (templates/session.ts) has no part="button": without this it keeps the
     browser's ButtonFace, which in the dark scheme is too light a grey for the theme's text. */
  [part~='button--primary'],
  [part~='sign-in'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  [part~='button--danger'] {
    color: var(--_danger);
  }
  [part~='icon-button'] svg {
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
  }
  [part~='icon-button'] {
    min-width: 1.9rem;
    padding: 0.15rem 0.3rem;
    font-family: var(--_font-mono);
  }
  [part='toggle'] {
    position: fixed;
    inset-block-end: var(--inset);
    inset-inline-end: var(--inset);
    z-index: 2147483000;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-fg);
    padding: 0.5rem 1rem;
    box-shadow: var(--_shadow);
    cursor: pointer;
  }
  [part='toggle__count'] {
    display: inline-block;
    min-width: 1.3em;
    margin-inline-start: 0.3em;
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_fg);
    font-size: 0.85em;
    text-align: center;
  }
  [part~='panel'] {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    padding: 0.75rem;
    min-height: 100%;
  }
  :host([docked]) [part~='panel'] {
    position: fixed;
    z-index: 2147483000;
    inset-block-end: calc(var(--inset) + 3rem);
    inset-inline-end: var(--inset);
    width: min(var(--width), calc(100vw - 2 * var(--inset)));
    height: min(var(--height), calc(100vh - 5rem));
    min-height: 0;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.4rem;
  }
  [part='header__title'] {
    margin: 0;
    font-size: 1.05em;
    flex: 1;
  }
  [part='pending'] {
    color: var(--_fg-muted);
    font-size: 0.85em;
  }
  [part='pending'][data-count]:not([data-count='0']) {
    color: var(--_suspicious);
    font-weight: 600;
  }
  /* Clear of the search box's focus ring above it and of the list below. */
  [part='import'] {
    margin-block: 0.5rem;
  }
  #import-file:focus-visible + label {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part='export'],
  [part='toolbar'],
  [part='case__nav'],
  [part='section__header'],
  [part='pager'],
  [part='intake__buttons'],
  [part='editor__buttons'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  [part='case__nav'],
  [part='section__header'],
  [part='pager'] {
    justify-content: space-between;
  }
  [part='search'] {
    flex: 1;
    min-width: 8rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.3rem 0.5rem;
  }
  [part='list'] {
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  [part~='row'] {
    display: flex;
    flex-direction: column;
    gap: 0.1rem;
    padding: 0.45rem 0.6rem;
    cursor: pointer;
    border-bottom: 1px solid var(--_border);
  }
  [part~='row']:last-child {
    border-bottom: 0;
  }
  [part~='row']:hover {
    background: var(--_bg-raised);
  }
  [part~='row']:focus-visible {
    outline-offset: -3px;
  }
  [part~='row--current'] {
    border-inline-start: 4px solid var(--_accent);
  }
  [part~='row--drop'],
  [part~='case--drop'] {
    background: var(--_bg-raised);
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }
  [part='row__title'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='row__meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.6rem;
    font-size: 0.85em;
    color: var(--_fg-muted);
  }
  [part~='badge'] {
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.4rem;
  }
  [part~='badge--pending'] {
    color: var(--_suspicious);
  }
  [part~='tlp'] {
    font-weight: 600;
    letter-spacing: 0.02em;
  }
  [part~='tlp--red'] {
    color: var(--_malicious);
  }
  [part~='tlp--amber'] {
    color: var(--_suspicious);
  }
  [part~='tlp--green'] {
    color: var(--_clean);
  }
  [part~='message'] {
    margin: 0;
    color: var(--_fg-muted);
  }
  [part~='message--error'] {
    color: var(--_danger);
  }
  [part~='intake'] textarea {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.25rem 0.4rem;
  }
  h3,
  h4 {
    margin: 0;
    font-size: 1em;
  }
  .value {
    font-family: var(--_font-mono);
    overflow-wrap: anywhere;
  }
  [part='observable__type'] {
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    color: var(--_fg-muted);
  }
  [part~='intake'] {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.5rem;
  }
  [part~='intake'] p {
    margin: 0;
  }
  [part='intake__list'] {
    margin: 0;
    padding-inline-start: 1.2rem;
    max-height: 12rem;
    overflow: auto;
  }
  [part='intake__already'] {
    color: var(--_fg-muted);
    text-decoration: line-through;
  }
  [part='toast'] {
    position: sticky;
    bottom: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    background: var(--_fg);
    color: var(--_bg);
    border-radius: var(--_radius);
    padding: 0.4rem 0.6rem;
  }
  [part='toast'] [part~='button'] {
    background: var(--_bg);
    color: var(--_fg);
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='row'] {
      transition: background-color 120ms;
    }
  }
`;
