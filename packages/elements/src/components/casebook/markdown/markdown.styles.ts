import { css } from 'lit';

/**
 * Styles for {@link renderMarkdown}'s output (`.pk-md`), for the shadow root that shows it. Colours come from the
 * tokens (`styles/tokens.ts`), so light and dark follow the theme. Long lines and wide tables wrap rather than
 * scroll: a narrow panel never gets a scroll area that the keyboard cannot reach.
 */
export const markdownStyles = css`
  .pk-md {
    overflow-wrap: anywhere;
    line-height: 1.5;
  }
  .pk-md > :first-child {
    margin-top: 0;
  }
  .pk-md > :last-child {
    margin-bottom: 0;
  }
  .pk-md :is(p, ul, ol, blockquote, pre, table, hr) {
    margin: 0 0 0.6em;
  }
  .pk-md :is(h1, h2, h3, h4, h5, h6) {
    margin: 0.8em 0 0.4em;
    line-height: 1.25;
  }
  .pk-md h1 {
    font-size: 1.4em;
  }
  .pk-md h2 {
    font-size: 1.25em;
  }
  .pk-md h3 {
    font-size: 1.1em;
  }
  .pk-md :is(h4, h5, h6) {
    font-size: 1em;
  }
  .pk-md :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .pk-md li > :is(ul, ol) {
    margin-bottom: 0;
  }
  .pk-md blockquote {
    margin-inline: 0;
    padding-inline-start: 0.8em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_fg-muted);
  }
  .pk-md code {
    font-family: var(--_font-mono);
    font-size: 0.92em;
    background: var(--_bg-raised);
    border-radius: 3px;
    padding: 0.05em 0.3em;
  }
  .pk-md pre {
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.7em;
    white-space: pre-wrap;
  }
  .pk-md pre code {
    background: none;
    padding: 0;
  }
  .pk-md hr {
    border: 0;
    border-top: 1px solid var(--_border);
  }
  .pk-md a {
    color: var(--_accent);
    text-decoration: underline;
  }
  .pk-md a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .pk-md .pk-md-external {
    width: 0.75em;
    height: 0.75em;
    margin-inline-start: 0.15em;
    vertical-align: baseline;
  }
  .pk-md .pk-md-hint {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .pk-md table {
    border-collapse: collapse;
    table-layout: fixed;
    width: 100%;
  }
  .pk-md :is(th, td) {
    border: 1px solid var(--_border);
    padding: 0.25em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  .pk-md th {
    background: var(--_bg-raised);
  }
  .pk-md .pk-md-center {
    text-align: center;
  }
  .pk-md .pk-md-right {
    text-align: end;
  }
`;
