// Deterministic web-proxy log rows for the web tracking page, mixed with the emulator's demo values as the
// message rows are.
import { DEMO, person, random, stamp } from './data.js';

/** One proxied web request. */
export interface WebRequest {
  id: string;
  time: string;
  user: string;
  /** The internal host that made the request. */
  clientIp: string;
  url: string;
  domain: string;
  destinationIp: string;
  category: string;
  action: 'Allowed' | 'Blocked' | 'Warned' | 'Decrypted';
  /** A file the response carried, when the proxy scanned one. */
  download: { name: string; sha256: string } | undefined;
  bytes: number;
}

const SITES = [
  ['github.com', 'Software'],
  ['salesforce.com', 'Business'],
  ['zoom.us', 'Conferencing'],
  ['docusign.net', 'Business'],
  ['cisco.com', 'Technology'],
  ['example.com', 'Reference'],
] as const;
const PATHS = ['login', 'docs', 'api/v2/items', 'download', 'share', 'files', 'account', 'search'];
const LURES = ['secure', 'invoice', 'account', 'verify', 'payroll', 'parcel', 'office', 'billing', 'login'];
const ODD_TLDS = ['top', 'xyz', 'online', 'info', 'click'];

/** `count` requests starting at row `from`. */
export function generateWebRequests(count: number, from = 0, seed = 11): WebRequest[] {
  const rows: WebRequest[] = [];
  const start = Date.UTC(2026, 10, 24, 18, 0, 0);
  for (let i = from; i < from + count; i++) {
    const r = random(seed * 100_019 + i);
    const int = (n: number) => Math.floor(r() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
    const publicIp = () => `${pick([23, 34, 52, 104, 151, 172, 185])}.${int(256)}.${int(256)}.${1 + int(254)}`;
    const clientIp = int(9) ? `10.20.${30 + int(20)}.${2 + int(200)}` : DEMO.internalHost;
    const kind = r();
    let row: Omit<WebRequest, 'id' | 'time' | 'user' | 'clientIp' | 'bytes'>;
    if (kind < 0.12) {
      const variant = int(3);
      row = {
        url:
          variant === 0
            ? DEMO.maliciousUrl
            : `https://${[DEMO.suspiciousDomain, DEMO.disputedDomain][variant - 1]!}/${pick(PATHS)}`,
        domain: variant === 0 ? DEMO.maliciousDomain : [DEMO.suspiciousDomain, DEMO.disputedDomain][variant - 1]!,
        destinationIp: pick([DEMO.maliciousIp, DEMO.suspiciousIp]),
        category: pick(['Malware', 'Phishing', 'Newly seen domain']),
        action: pick(['Blocked', 'Warned'] as const),
        download: variant === 0 ? { name: 'payload.exe', sha256: DEMO.eicarSha256 } : undefined,
      };
    } else if (kind < 0.3) {
      const domain = `${pick(LURES)}-${pick(LURES)}.${pick(ODD_TLDS)}`;
      row = {
        url: `https://${domain}/${pick(PATHS)}/${hex(6)}`,
        domain,
        destinationIp: publicIp(),
        category: pick(['Newly seen domain', 'Uncategorised', 'Parked']),
        action: pick(['Allowed', 'Warned', 'Blocked'] as const),
        download: int(5) ? undefined : { name: `update_${hex(4)}.zip`, sha256: hex(64) },
      };
    } else {
      const [domain, category] = pick(SITES);
      row = {
        url: `https://${int(3) ? '' : 'www.'}${domain}/${pick(PATHS)}/${hex(8)}`,
        domain,
        destinationIp: int(7) ? publicIp() : pick([DEMO.cleanIp, '8.8.8.8']),
        category,
        action: pick(['Allowed', 'Allowed', 'Decrypted'] as const),
        download: int(12) ? undefined : { name: `report_${hex(4)}.pdf`, sha256: int(3) ? hex(64) : DEMO.emptySha256 },
      };
    }
    rows.push({
      ...row,
      id: `WEB-${String(500_000 + i * 3)}`,
      time: stamp(start - i * 41_000 - int(30_000)),
      user: `${person(int)}@acme-corp.com`,
      clientIp,
      bytes: 400 + int(2_000_000),
    });
  }
  return rows;
}
