import { css } from 'lit';

export default css`
  :host {
    --width: 22rem;
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
  pk-popup::part(popup) {
    width: min(var(--width), calc(100vw - 16px));
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    font: var(--_font-size) / 1.35 var(--_font);
  }
  [part='panel'] {
    display: flex;
    flex-direction: column;
    padding: 0.25rem 0;
  }
  [part='header'] {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    min-width: 0;
  }
  /* The small upper-case labels: the observable's type and the section headings. */
  [part='header__type'],
  [part='group__label'],
  [part='subgroup__label'] {
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_fg-muted);
  }
  [part='header__type'] {
    flex: none;
  }
  [part='header__value'] {
    min-width: 0;
    font-family: var(--_font-mono);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    user-select: all;
  }
  [part='verdicts'] {
    padding: 0.25rem 0;
    border-bottom: 1px solid var(--_border);
  }
  [part~='group'] {
    padding: 0.25rem 0;
  }
  [part='separator'] {
    border-top: 1px solid var(--_border);
  }
  [part='menu'] > [part='separator']:first-child {
    display: none;
  }
  [part='group__label'],
  [part='subgroup__label'] {
    padding: 0.25rem 0.75rem 0.125rem;
  }
  [part='subgroup__label'] {
    text-transform: none;
    letter-spacing: 0;
  }
  [part='subgroup'] [part~='item'] {
    padding-inline-start: 1.25rem;
  }
  [part='verdict-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='verdict'] {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
    padding: 0.2rem 0.75rem;
  }
  [part='verdict__module'] {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='verdict--error'] {
    flex-direction: column;
    align-items: stretch;
    gap: 0;
    color: var(--_danger);
  }
  [part='verdict__error'] {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  [part='conflict'] {
    margin: 0.25rem 0.75rem;
    padding: 0.25rem 0.5rem;
    border-inline-start: 3px solid var(--_suspicious);
    font-weight: 600;
  }
  [part~='note'] {
    margin: 0;
    padding: 0.25rem 0.75rem;
    color: var(--_fg-muted);
    overflow-wrap: anywhere;
  }
  [part~='note'][part~='verdict--error'] {
    color: var(--_danger);
  }
  [part~='item'] {
    display: flex;
    flex-direction: column;
    padding: 0.35rem 0.75rem;
    color: inherit;
    text-decoration: none;
    cursor: pointer;
    outline: none;
    overflow-wrap: anywhere;
  }
  [part~='item']:hover {
    background: var(--_bg-raised);
  }
  [part~='item']:focus-visible,
  [part~='item']:focus {
    background: var(--_bg-raised);
    box-shadow: inset 3px 0 0 var(--_focus);
  }
  /* The same ring as every other control when the keyboard moved focus; inset, as the panel clips its overflow. */
  [part~='item']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [part~='item--link'] [part='item__label'] {
    color: var(--_accent);
    text-decoration: underline;
  }
  [part~='item--disabled'] {
    cursor: default;
    color: var(--_fg-muted);
  }
  [part='item__reason'] {
    font-size: 0.8em;
    color: var(--_fg-muted);
  }
  [part='status'] {
    /* Stays in view at the bottom of the scrolling box, so feedback shows wherever the item was. */
    position: sticky;
    bottom: 0;
    background: var(--_bg);
  }
  [part='status']:not(:empty) {
    padding: 0.4rem 0.75rem;
    border-top: 1px solid var(--_border);
    font-weight: 600;
  }
  pk-dialog {
    --width: 26rem;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg-raised);
    color: var(--_fg);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='dialog__confirm'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  [part~='dialog__confirm--danger'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
`;
