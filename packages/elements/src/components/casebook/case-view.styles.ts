import { css } from 'lit';
import { markdownStyles } from './markdown/markdown.styles.js';

/**
 * The case view's styles (case-view.ts), added to the panel's shadow root with the view: the panel's own styles
 * (casebook.styles.ts) have the buttons, messages and the intake box both views use.
 */
export default [
  markdownStyles,
  css`
    [part='tlp-select'],
    [part~='link__select'],
    [part='editor'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      padding: 0.25rem 0.4rem;
    }
    [part~='message--red'] {
      border: 1px solid var(--_malicious);
      border-radius: var(--_radius);
      padding: 0.5rem;
      color: var(--_fg);
    }
    [part~='message--red'] p {
      margin: 0 0 0.4rem;
    }
    #red-detail {
      display: block;
      margin-top: 0.3rem;
      font-size: 0.85em;
      color: var(--_fg-muted);
    }
    [part~='case'] {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
    }
    [part='case__title'] h2 {
      margin: 0;
      font-size: 1.2em;
      overflow-wrap: anywhere;
    }
    [part='case__meta'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    [part~='field'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.3rem 0.5rem;
    }
    [part='field__label'] {
      flex-basis: 100%;
      font-size: 0.75em;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_fg-muted);
    }
    [part='case__title'] [part='field__label'],
    [part='case__title'] [part='field__value'] {
      display: none;
    }
    [part~='field--description'] [part='field__value'] {
      white-space: normal;
    }
    /* The description as written, the moment before the Markdown renderer has loaded. */
    .md-pending {
      margin: 0;
      white-space: pre-wrap;
    }
    [part='field__value'],
    [part='note__body'] {
      flex: 1;
      min-width: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    [part='placeholder'] {
      color: var(--_fg-muted);
      font-style: italic;
    }
    [part='field__pending'] {
      flex-basis: 100%;
      font-size: 0.85em;
      color: var(--_suspicious);
    }
    [part='field__pending'][data-status='failed'] {
      color: var(--_danger);
    }
    [part='editor-box'] {
      flex-basis: 100%;
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
    }
    [part='editor'] {
      width: 100%;
      box-sizing: border-box;
    }
    [part='conflict'] {
      flex-basis: 100%;
      border: 1px solid var(--_suspicious);
      border-radius: var(--_radius);
      padding: 0.5rem;
    }
    [part='conflict'] dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.2rem 0.6rem;
      margin: 0.3rem 0;
    }
    [part='conflict'] dd {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    [part='conflict__title'] {
      margin: 0;
      font-weight: 600;
    }
    [part~='section'] {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      border-top: 1px solid var(--_border);
      padding-top: 0.5rem;
    }
    [part='observables'] {
      width: 100%;
      border-collapse: collapse;
      table-layout: auto;
    }
    [part='observables'] th {
      text-align: start;
      font-size: 0.75em;
      text-transform: uppercase;
      color: var(--_fg-muted);
      padding: 0.2rem;
    }
    [part='observables'] td {
      border-top: 1px solid var(--_border);
      padding: 0.25rem 0.2rem;
      vertical-align: top;
    }
    [part='observable__actions'] {
      white-space: nowrap;
    }
    [part='provenance'] {
      display: block;
      font-size: 0.8em;
      color: var(--_fg-muted);
    }
    [part~='verdict'] {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem;
    }
    [part~='verdict--none'],
    [part='verdict__conflict'] {
      font-size: 0.85em;
      color: var(--_fg-muted);
    }
    [part='note-list'] {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    [part~='note'] {
      border-inline-start: 3px solid var(--_border);
      padding-inline-start: 0.5rem;
    }
    [part='note__time'] {
      flex-basis: 100%;
      font-size: 0.8em;
      color: var(--_fg-muted);
    }
    [part='drop-hint'] {
      margin: 0;
      color: var(--_accent);
      font-weight: 600;
    }
  `,
];
