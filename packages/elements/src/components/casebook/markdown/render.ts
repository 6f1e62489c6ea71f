/**
 * Markdown rendered as lit templates: every piece of text is a text binding, so nothing the author wrote can
 * become HTML (raw HTML shows as text), and under Trusted Types only lit-html's own policy is used. Links are only
 * absolute http(s) URLs, open in a new tab with `rel="noopener noreferrer"`, and say so to assistive technology.
 * Images are not loaded (a remote image would tell its server who read the case): they render as links.
 * @module
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { tokenize, type Block, type Inline } from './tokenize.js';

/** How `renderMarkdown` renders. */
export interface MarkdownOptions {
  /**
   * The level the outermost headings get (the text's own levels are renumbered from here so that they never
   * skip one, as the page outline and axe's `heading-order` want). @default 3
   */
  headingLevel?: number;
  /** The hint read after each link (from the translation table: `opensInNewTab`). @default 'opens in a new tab' */
  opensInNewTab?: string;
}

interface Ctx {
  base: number;
  hint: string;
  /** The source levels of the headings above the current one (to renumber without skips). */
  outline: number[];
}

const ARROW = svg`<path d="M4.5 3.5h8v8M12 4 4 12" fill="none" stroke="currentColor" stroke-width="1.6"/>`;

function inline(toks: Inline[], ctx: Ctx): unknown[] {
  return toks.map((t) => {
    switch (t.type) {
      case 'text':
        return t.text;
      case 'code':
        return html`<code>${t.text}</code>`;
      case 'em':
        return html`<em>${inline(t.children, ctx)}</em>`;
      case 'strong':
        return html`<strong>${inline(t.children, ctx)}</strong>`;
      case 'break':
        return html`<br />`;
      case 'softbreak':
        return '\n';
      case 'link':
        return html`<a href=${t.href} title=${t.title || nothing} target="_blank" rel="noopener noreferrer"
          >${inline(t.children, ctx)}<svg class="pk-md-external" viewBox="0 0 16 16" aria-hidden="true">${ARROW}</svg
          ><span class="pk-md-hint"> (${ctx.hint})</span></a
        >`;
    }
  });
}

function heading(level: number, ctx: Ctx, content: unknown[]): TemplateResult {
  const o = ctx.outline;
  while (o.length && o[o.length - 1]! >= level) o.pop();
  o.push(level);
  const h = Math.min(6, Math.max(1, ctx.base + o.length - 1));
  switch (h) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}

const ALIGN = { left: 'pk-md-left', center: 'pk-md-center', right: 'pk-md-right' } as const;

function block(b: Block, ctx: Ctx, tight = false): unknown {
  switch (b.type) {
    case 'paragraph':
      return tight ? inline(b.children, ctx) : html`<p>${inline(b.children, ctx)}</p>`;
    case 'heading':
      return heading(b.level, ctx, inline(b.children, ctx));
    case 'code':
      return html`<pre><code>${b.text}</code></pre>`;
    case 'hr':
      return html`<hr />`;
    case 'quote':
      return html`<blockquote>${b.children.map((c) => block(c, ctx))}</blockquote>`;
    case 'list': {
      const items = b.items.map((item) => html`<li>${item.map((c) => block(c, ctx, b.tight))}</li>`);
      return b.ordered
        ? html`<ol start=${b.start === 1 ? nothing : b.start}>
            ${items}
          </ol>`
        : html`<ul>
            ${items}
          </ul>`;
    }
    case 'table':
      return html`<table>
        <thead>
          <tr>
            ${b.head.map(
              (h, i) => html`<th scope="col" class=${ALIGN[b.align[i] ?? 'left'] ?? nothing}>${inline(h, ctx)}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${b.rows.map(
            (r) =>
              html`<tr>
                ${r.map((c, i) => html`<td class=${b.align[i] ? ALIGN[b.align[i]!] : nothing}>${inline(c, ctx)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

/** Renders already tokenized Markdown (see {@link tokenize}). */
export function renderTokens(blocks: Block[], opts: MarkdownOptions = {}): TemplateResult {
  const ctx: Ctx = {
    base: Math.min(6, Math.max(1, Math.trunc(opts.headingLevel ?? 3))),
    hint: opts.opensInNewTab ?? 'opens in a new tab',
    outline: [],
  };
  return html`<div class="pk-md">${blocks.map((b) => block(b, ctx))}</div>`;
}

/**
 * Markdown (CTIM's `description` and notes) as a lit template, inside `<div class="pk-md">`; style it with
 * {@link markdownStyles}. Never throws; text is only ever text.
 * @example html`<section>${renderMarkdown(casebook.description ?? '', { opensInNewTab: t.opensInNewTab })}</section>`
 */
export function renderMarkdown(source: string, opts?: MarkdownOptions): TemplateResult {
  return renderTokens(tokenize(source), opts);
}
