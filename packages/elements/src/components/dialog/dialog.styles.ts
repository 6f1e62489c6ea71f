import { css } from 'lit';

export default css`
  :host {
    --width: 28rem;
    display: contents;
  }
  [part='dialog'] {
    box-sizing: border-box;
    width: min(var(--width), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    font: var(--_font-size) / 1.4 var(--_font);
    overflow: auto;
  }
  [part='dialog']::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  [part='dialog'][data-modeless] {
    position: fixed;
    inset-block-start: 1rem;
    inset-inline-end: 1rem;
    inset-inline-start: auto;
    margin: 0;
    z-index: 2147483000;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem 0.75rem 0 1rem;
  }
  [part='title'] {
    flex: 1;
    margin: 0;
    font-size: 1.05em;
    font-weight: 600;
  }
  [part='close-button'] {
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_fg-muted);
    font: inherit;
    font-size: 1.25em;
    line-height: 1;
    cursor: pointer;
  }
  [part='close-button']:hover {
    background: var(--_bg-raised);
    color: var(--_fg);
  }
  [part='close-button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  [part='body'] {
    padding: 0.5rem 1rem 1rem;
    overflow-wrap: anywhere;
  }
  [part='footer'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    padding: 0 1rem 1rem;
  }
  [part='footer'][hidden] {
    display: none;
  }
`;
