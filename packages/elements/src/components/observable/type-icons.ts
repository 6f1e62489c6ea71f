import { svg, type SVGTemplateResult } from 'lit';

/** Each detected type has its own shape (16×16, currentColor) and a name for assistive technology. */
export const TYPE_META: Record<string, { label: string; icon: SVGTemplateResult }> = {
  ip: {
    label: 'IP address',
    icon: svg`<rect x="2" y="3" width="12" height="4" rx="1"/><rect x="2" y="9" width="12" height="4" rx="1"/><circle cx="5" cy="5" r=".9" fill="currentColor"/><circle cx="5" cy="11" r=".9" fill="currentColor"/>`,
  },
  ipv6: {
    label: 'IPv6 address',
    icon: svg`<rect x="2" y="2" width="12" height="3.2" rx="1"/><rect x="2" y="6.4" width="12" height="3.2" rx="1"/><rect x="2" y="10.8" width="12" height="3.2" rx="1"/>`,
  },
  domain: {
    label: 'Domain',
    icon: svg`<circle cx="8" cy="8" r="6"/><path d="M2 8h12M8 2c-2.2 2.4-2.2 9.6 0 12M8 2c2.2 2.4 2.2 9.6 0 12"/>`,
  },
  url: {
    label: 'URL',
    icon: svg`<path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 0 1 3.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 0 1-3.7-3.7L5.3 7.8"/>`,
  },
  sha256: { label: 'SHA-256 hash', icon: svg`<path d="M6 2.5l-1.5 11M11.5 2.5l-1.5 11M2.5 6h11M2 10.5h11"/>` },
  sha1: {
    label: 'SHA-1 hash',
    icon: svg`<rect x="1.5" y="1.5" width="13" height="13" rx="2"/><path d="M6.5 4.5l-1 7M10.5 4.5l-1 7M4.5 6.5h7M4 9.5h7"/>`,
  },
  md5: {
    label: 'MD5 hash',
    icon: svg`<circle cx="8" cy="8" r="6.5"/><path d="M6.8 4.8l-.9 6.4M10.1 4.8l-.9 6.4M4.9 6.8h6.3M4.6 9.2h6.3"/>`,
  },
  email: {
    label: 'Email address',
    icon: svg`<rect x="1.5" y="3.5" width="13" height="9" rx="1"/><path d="M2 4l6 5 6-5"/>`,
  },
};

const FALLBACK = { label: 'Observable', icon: svg`<path d="M8 1.5l6.5 6.5L8 14.5 1.5 8z"/>` };

/** The icon and accessible name of a type; unknown CTIM types share a neutral diamond and show their own name. */
export function typeMeta(type: string): { label: string; icon: SVGTemplateResult } {
  return TYPE_META[type] ?? { ...FALLBACK, label: type ? `Observable (${type})` : FALLBACK.label };
}
