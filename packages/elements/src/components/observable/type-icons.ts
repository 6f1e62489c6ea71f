import { unsafeCSS, type CSSResult } from 'lit';

// Each detected type has its own shape (16×16, drawn with the current colour); its name for assistive technology
// is in the translation table (`observableTypeLabel`). The shapes are our own constants, never data.
const PATHS: Record<string, string> = {
  ip: '<rect x="2" y="3" width="12" height="4" rx="1"/><rect x="2" y="9" width="12" height="4" rx="1"/><circle cx="5" cy="5" r=".9" fill="#000"/><circle cx="5" cy="11" r=".9" fill="#000"/>',
  ipv6: '<rect x="2" y="2" width="12" height="3.2" rx="1"/><rect x="2" y="6.4" width="12" height="3.2" rx="1"/><rect x="2" y="10.8" width="12" height="3.2" rx="1"/>',
  domain: '<circle cx="8" cy="8" r="6"/><path d="M2 8h12M8 2c-2.2 2.4-2.2 9.6 0 12M8 2c2.2 2.4 2.2 9.6 0 12"/>',
  url: '<path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 0 1 3.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 0 1-3.7-3.7L5.3 7.8"/>',
  sha256: '<path d="M6 2.5l-1.5 11M11.5 2.5l-1.5 11M2.5 6h11M2 10.5h11"/>',
  sha1: '<rect x="1.5" y="1.5" width="13" height="13" rx="2"/><path d="M6.5 4.5l-1 7M10.5 4.5l-1 7M4.5 6.5h7M4 9.5h7"/>',
  md5: '<circle cx="8" cy="8" r="6.5"/><path d="M6.8 4.8l-.9 6.4M10.1 4.8l-.9 6.4M4.9 6.8h6.3M4.6 9.2h6.3"/>',
  email: '<rect x="1.5" y="3.5" width="13" height="9" rx="1"/><path d="M2 4l6 5 6-5"/>',
};
const FALLBACK_PATH = '<path d="M8 1.5l6.5 6.5L8 14.5 1.5 8z"/>';
/** The pivot button's menu caret (a chevron). */
const CARET_PATH = '<path d="M3 5.5l5 5 5-5" stroke-width="2.4"/>';

const url = (paths: string) =>
  `url("data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="none" stroke="#000" stroke-width="1.4">${paths}</svg>`,
  )}")`;

/**
 * The icons as CSS masks (`--_icon` per `type` attribute), painted with the current colour by one element: a page
 * with 10,000 observables lays out and paints one box per icon instead of an SVG tree.
 */
export const typeIconStyles: CSSResult = unsafeCSS(
  `:host { --_icon: ${url(FALLBACK_PATH)}; --_caret: ${url(CARET_PATH)}; }\n` +
    Object.entries(PATHS)
      .map(([type, paths]) => `:host([type='${type}']) { --_icon: ${url(paths)}; }`)
      .join('\n'),
);
