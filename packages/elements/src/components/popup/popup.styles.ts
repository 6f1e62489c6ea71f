import { css } from 'lit';

export default css`
  :host {
    --arrow-size: 0;
    --max-height: 32rem;
    /* Reset the UA popover box: the popup is only a positioned container. */
    position: fixed;
    inset: auto;
    top: 0;
    left: 0;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
    overflow: visible;
    display: none;
    z-index: 2147483000;
  }
  :host([open]) {
    display: block;
  }
  [part='popup'] {
    box-sizing: border-box;
    max-height: min(var(--max-height), var(--auto-size-available-height, 100vh));
    max-width: var(--auto-size-available-width, 100vw);
    overflow: auto;
  }
`;
