// A seeded, log-like corpus for the detection bench: ISO timestamp + 2–5 fields per line, with planted
// observables (IPv4, IPv6, domains, URLs, SHA-256, defanged forms) and planted look-alikes (versions,
// builds, out-of-range IPs, five-part numbers, times, file names, long hex, UUIDs, code, `::`, MACs, base64).
// Generated in memory: nothing large is committed.
import { seededRandom } from '../../packages/server/src/emulator/hash.js';

export function makeCorpus(bytes = 10_000_000, seed = 42): string {
  const r = seededRandom(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(16)];
    return s;
  };
  const word = (n = 3 + int(8)) => {
    let s = '';
    for (let i = 0; i < n; i++) s += 'abcdefghijklmnopqrstuvwxyz'[int(26)];
    return s;
  };
  const ipv4 = () => `${1 + int(223)}.${int(256)}.${int(256)}.${1 + int(254)}`;
  const tlds = ['com', 'net', 'org', 'io', 'ru', 'cn', 'de', 'co.uk', 'info', 'xyz', 'top', 'online'];
  const domain = () => `${pick(['', 'www.', 'cdn.', 'api.', 'mail.'])}${word()}-${word(4)}.${pick(tlds)}`;
  const ipv6 = () =>
    pick([
      () => `2001:db8:${hex(4)}:${hex(3)}::${hex(2)}`,
      () => `fe80::${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}`,
      () => `::ffff:${ipv4()}`,
      () => `2001:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}`,
    ])();
  const url = () =>
    r() < 0.2
      ? `http://${ipv4()}:${1024 + int(60000)}/${word()}/${word()}.php?id=${int(99999)}`
      : `${pick(['http', 'https'])}://${domain()}/${word()}/${word()}${pick(['', '.html', '.js', '?q=' + word()])}`;
  const sha = () => (r() < 0.2 ? hex(64).toUpperCase() : hex(64));
  const positive = [
    () => `src=${ipv4()}`,
    () => `dst=${ipv4()}:${int(65536)}`,
    () => `ip6=${ipv6()}`,
    () => `query=${domain()}`,
    () => `url="${url()}"`,
    () => `sha256=${sha()}`,
    () => `ioc=${domain().replace(/\.(?=[^.]+$)/, '[.]')}`,
    () => `ioc=${url().replace(/^http/, 'hxxp')}`,
  ];
  const negative = [
    () => `version=${int(20)}.${int(20)}.${int(20)}.${int(2000)}`,
    () => `os="Windows 10.0.${19000 + int(2000)}.${int(5000)}"`,
    () => `bad=${256 + int(700)}.${int(256)}.${int(256)}.${int(256)}`,
    () => `n=${int(255)}.${int(255)}.${int(255)}.${int(255)}.${int(255)}`,
    () => `t=${int(24)}:${int(60)}:${int(60)}`,
    () => `file=${word()}.${pick(['pdf', 'exe', 'dll', 'txt', 'log', 'docx'])}`,
    () => `file=${word()}.${pick(['zip', 'py', 'md', 'sh', 'mov'])}`,
    () => `blob=${hex(72)}`,
    () => `k=0x${hex(64)}`,
    () => `uuid=${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    () => `fn=${pick(['window.location.href', 'document.getElementById', 'System.Net.WebClient', 'os.path.join'])}`,
    () => `sym=${pick(['std::vector', 'Foo::Bar', 'crate::io', 'a::b'])}`,
    () => `mac=${[0, 0, 0, 0, 0, 0].map(() => hex(2)).join(':')}`,
    () => `data=${Buffer.from(word(40)).toString('base64')}`,
    () => `msg="${word()} ${word()} ${word()} ${word()}"`,
    () => `user=${word()} pid=${int(65536)} status=${pick(['ok', 'fail', 'denied'])}`,
  ];
  const lines: string[] = [];
  let size = 0;
  let t = Date.UTC(2026, 10, 1);
  while (size < bytes) {
    t += int(5000);
    const fields = 2 + int(4);
    const parts = [new Date(t).toISOString()];
    for (let i = 0; i < fields; i++) parts.push(r() < 0.35 ? pick(positive)() : pick(negative)());
    const line = parts.join(' ');
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}
