import { css } from 'lit';

export default css`
  :host {
    --list-max-height: 50vh;
    --row-height: 2.25rem;
  }
  .list {
    max-height: var(--list-max-height);
    overflow: auto;
    overscroll-behavior: contain;
  }
  .rows {
    box-sizing: border-box;
  }
  /* Every row has the same height: the grid is windowed by row number times this. */
  [role='row'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto auto;
    align-items: center;
    gap: 0.4rem;
    block-size: var(--row-height);
    overflow: hidden;
    border-bottom: 1px solid var(--_border);
  }
  [role='row'][aria-selected='true'] {
    background: var(--_bg-raised);
  }
  [role='gridcell'] {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-width: 0;
    padding-inline: 0.2rem;
  }
  /* Inside the scroller an outside ring would be clipped. */
  .list :is(button, input, select, [tabindex]):focus-visible {
    outline-offset: -2px;
  }
  [part~='group'] {
    border-bottom: 0;
  }
  [part~='group__label'] {
    grid-column: 1 / -1;
  }
  [part~='editor'] {
    grid-column: 2 / -1;
    flex-wrap: nowrap;
  }
  [part~='group__label'] {
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_fg-muted);
    block-size: 100%;
  }
  .value {
    overflow: hidden;
  }
  [part~='finding__value'] {
    font-family: var(--_font-mono);
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='finding__count'] {
    color: var(--_fg-muted);
    font-variant-numeric: tabular-nums;
  }
  [part~='badge'] {
    font-size: 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.45em;
    background: var(--_bg-raised);
  }
  [part~='finding'] :is(button, select, input[type='text']) {
    padding: 0.1rem 0.45rem;
  }
  [part~='editor'] input[type='text'] {
    font-family: var(--_font-mono);
  }
  [part~='filter'] {
    font-weight: normal;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  [part~='selection'] label {
    font-weight: normal;
  }
`;
