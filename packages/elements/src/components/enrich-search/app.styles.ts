import { css } from 'lit';

/**
 * What the four ribbon apps share: the panel layout, form controls, buttons, notes and lists, all from the tokens
 * (so light and dark are token sets), with a visible focus ring.
 */
export const appStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_fg);
    background: var(--_bg);
    font: var(--_font-size) / 1.4 var(--_font);
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    padding: var(--padding, 0.75rem);
    min-width: 0;
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input[type='text'],
  input[type='search'],
  select,
  textarea {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.35rem 0.5rem;
    min-width: 0;
  }
  textarea {
    width: 100%;
    resize: vertical;
    font-family: var(--_font-mono);
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
    padding: 0.3rem 0.7rem;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .grow {
    flex: 1 1 auto;
  }
  .muted,
  [part~='note'],
  [part~='status'] {
    color: var(--_fg-muted);
  }
  [part~='error'] {
    color: var(--_danger);
    border-left: 3px solid var(--_danger);
    padding: 0.25rem 0.5rem;
    background: var(--_bg-raised);
  }
  [part~='missing-scopes'] {
    border-left: 3px solid var(--_suspicious);
    padding: 0.25rem 0.5rem;
    background: var(--_bg-raised);
    color: var(--_fg);
  }
  [part~='signed-out'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  ul[role='list'],
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  progress {
    width: 100%;
    accent-color: var(--_accent);
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
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.1s;
    }
  }
`;
