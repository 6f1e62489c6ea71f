import { css } from 'lit';

// The panel's rules, added to the ribbon's shadow root when the panel's code loads (panel.ts): the bar shows
// without them. The panel's title (h2) takes focus only as a landing place when an app has nothing focusable yet:
// no outline.
export default css`
  [part~='panel'] {
    position: fixed;
    inset-block-end: calc(var(--bar-height) + 0.25rem);
    inset-inline-start: calc(var(--_offset) * 100%);
    transform: translateX(calc(var(--_offset) * -100%));
    inline-size: min(var(--panel-width), 100vw);
    block-size: var(--_panel-height);
    flex-direction: column;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  [part~='panel']:popover-open {
    display: flex;
  }
  [part~='panel']:dir(rtl) {
    transform: translateX(calc(var(--_offset) * 100%));
  }

  [part~='splitter'] {
    flex: none;
    block-size: 0.5rem;
    cursor: ns-resize;
    touch-action: none;
    border-start-start-radius: var(--_radius);
    border-start-end-radius: var(--_radius);
    position: relative;
  }
  [part~='splitter']::after {
    content: '';
    position: absolute;
    inset-block-start: 0.1875rem;
    inset-inline-start: calc(50% - 1.25rem);
    inline-size: 2.5rem;
    block-size: 0.1875rem;
    border-radius: 0.125rem;
    background: var(--_border);
  }
  [part~='splitter']:hover::after {
    background: var(--_fg-muted);
  }

  [part~='panel__header'] {
    flex: none;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0 0.5rem 0.25rem 1rem;
    border-block-end: 1px solid var(--_border);
  }
  [part~='panel__title'] {
    flex: 1;
    margin: 0;
    font-size: 1rem;
    font-weight: 700;
  }
  [part~='panel__close'] {
    display: grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    color: var(--_fg);
    background: transparent;
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  [part~='panel__close']:hover {
    background: var(--_bg-raised);
  }
  [part~='panel__close'] svg {
    inline-size: 1rem;
    block-size: 1rem;
  }
  [part~='panel__body'] {
    flex: 1;
    min-block-size: 0;
    overflow: auto;
    overscroll-behavior: contain;
  }
  .app[hidden] {
    display: none;
  }
  [part~='message'] {
    margin: 0;
    padding: 1rem;
  }
  [part~='message'] p {
    margin: 0 0 0.5rem;
  }
  [part~='button'] {
    min-block-size: 2rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }

  :is([part~='splitter'], [part~='panel__close'], [part~='button']):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  h2:focus {
    outline: none;
  }

  @media (prefers-reduced-motion: no-preference) {
    [part~='panel']:popover-open {
      animation: pk-rise 120ms ease-out;
    }
    @keyframes pk-rise {
      from {
        opacity: 0;
        translate: 0 0.5rem;
      }
    }
  }
`;
