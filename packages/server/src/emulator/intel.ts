/**
 * The emulator's threat intelligence: three modules (a reputation feed, a DNS-security module and an endpoint
 * module) that answer enrich, refer and response calls from a fixed demo table and, for every other observable,
 * from how the value looks and a hash of it (see `derived.ts`), so any observable gets the same plausible answer
 * every time.
 * Response actions write state to the store (blocked domains and files, isolated hosts), which changes later answers.
 * @module
 */
import type { Store } from '../store.js';
import { appearance, derivedDisposition, isPrivateIp, urlHost, type Disposition, type Observable } from './derived.js';
import { hash, stableUuid } from './hash.js';

export { derivedDisposition, isPrivateIp };
export type { Disposition, Observable };
export const DISPOSITION_NAMES = { 1: 'Clean', 2: 'Malicious', 3: 'Suspicious', 4: 'Common', 5: 'Unknown' } as const;
export const CTIM_SCHEMA_VERSION = '1.3.29';

export type ModuleKey = 'reputation' | 'dns' | 'endpoint';

export interface ModuleInfo {
  key: ModuleKey;
  module: string;
  module_instance_id: string;
  module_type_id: string;
  /** Observable types the module answers for. */
  types: readonly string[];
}

export const MODULES: readonly ModuleInfo[] = [
  {
    key: 'reputation',
    module: 'Reputation Feed',
    module_instance_id: '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e01',
    module_type_id: '1f6a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01',
    types: ['ip', 'ipv6', 'domain', 'url', 'sha256', 'md5', 'sha1', 'email'],
  },
  {
    key: 'dns',
    module: 'DNS Shield',
    module_instance_id: '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e02',
    module_type_id: '1f6a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c02',
    types: ['domain', 'url', 'ip', 'ipv6'],
  },
  {
    key: 'endpoint',
    module: 'Endpoint Guard',
    module_instance_id: '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e03',
    module_type_id: '1f6a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c03',
    types: ['sha256', 'md5', 'sha1', 'ip', 'ipv6', 'hostname'],
  },
];

/** `undefined`: derived (see `derived.ts`); `null`: the module has nothing on it; `'error'`: the module fails for it. */
type Fixed = Disposition | null | 'error' | undefined;

export interface DemoObservable extends Observable {
  /** What the value demonstrates (shown in the README). */
  note: string;
  reputation?: Fixed;
  dns?: Fixed;
  endpoint?: Fixed;
}

/** Well-known demo values with fixed answers (documented in the package README). */
export const DEMO_OBSERVABLES: readonly DemoObservable[] = [
  { type: 'domain', value: 'cisco.com', note: 'Clean in every module', reputation: 1, dns: 1 },
  { type: 'domain', value: 'example.com', note: 'Common', reputation: 4, dns: 4 },
  { type: 'domain', value: 'evil.example.net', note: 'Malicious, with DNS sightings', reputation: 2, dns: 2 },
  { type: 'domain', value: 'phish.example.org', note: 'Suspicious', reputation: 3, dns: 3 },
  {
    type: 'domain',
    value: 'disputed.example.com',
    note: 'Modules disagree: Reputation Feed says Clean, DNS Shield says Malicious',
    reputation: 1,
    dns: 2,
  },
  { type: 'domain', value: 'unknown.example.org', note: 'Unknown (only the feed answers)', reputation: 5, dns: null },
  {
    type: 'domain',
    value: 'module-error.example.com',
    note: 'DNS Shield returns a module error; the Reputation Feed still answers (Suspicious)',
    reputation: 3,
    dns: 'error',
  },
  { type: 'ip', value: '198.51.100.7', note: 'Malicious, seen on endpoints', reputation: 2, dns: 2, endpoint: 2 },
  { type: 'ip', value: '203.0.113.9', note: 'Suspicious', reputation: 3, dns: 5, endpoint: null },
  { type: 'ip', value: '192.0.2.10', note: 'Clean', reputation: 1, dns: 1, endpoint: null },
  { type: 'ip', value: '8.8.8.8', note: 'Common', reputation: 4, dns: 4, endpoint: null },
  {
    type: 'ip',
    value: '10.20.30.40',
    note: 'An internal endpoint: Unknown reputation, endpoint sightings, can be isolated',
    reputation: 5,
    dns: null,
    endpoint: 5,
  },
  { type: 'ipv6', value: '2001:db8::bad', note: 'Suspicious', reputation: 3, dns: 3, endpoint: null },
  {
    type: 'sha256',
    value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
    note: 'EICAR test file: Malicious, seen on endpoints',
    reputation: 2,
    endpoint: 2,
  },
  {
    type: 'md5',
    value: '44d88612fea8a8f36de82e1278abb02f',
    note: 'EICAR (MD5): Malicious',
    reputation: 2,
    endpoint: 2,
  },
  {
    type: 'sha1',
    value: '3395856ce81f2b7382dee72602f798b642f14140',
    note: 'EICAR (SHA-1): Malicious',
    reputation: 2,
    endpoint: 2,
  },
  {
    type: 'sha256',
    value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    note: 'The empty file: Common',
    reputation: 4,
    endpoint: 4,
  },
  {
    type: 'sha256',
    value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    note: 'Modules disagree: Reputation Feed says Clean, Endpoint Guard says Suspicious',
    reputation: 1,
    endpoint: 3,
  },
  {
    type: 'url',
    value: 'http://evil.example.net/payload.exe',
    note: 'Malicious (DNS Shield judges its host)',
    reputation: 2,
    dns: 2,
  },
  { type: 'email', value: 'attacker@evil.example.net', note: 'Malicious sender', reputation: 2 },
];

const demoIndex = new Map(DEMO_OBSERVABLES.map((d) => [key(d), d]));

function key(o: Observable): string {
  return `${o.type}\u0000${o.type === 'url' ? o.value : o.value.toLowerCase()}`;
}

export function findDemo(o: Observable): DemoObservable | undefined {
  return demoIndex.get(key(o));
}

// ---- response state ----

type StateName = 'blocked' | 'isolated';

function stateId(module: ModuleKey, state: StateName, o: Observable): string {
  return `${module}:${state}:${o.type}:${o.value.toLowerCase()}`;
}

export function hasState(store: Store, module: ModuleKey, state: StateName, o: Observable): boolean {
  return store.get('response-state', stateId(module, state, o)) !== undefined;
}

// ---- what a module says about one observable ----

interface Judged {
  disposition: Disposition;
  priority: number;
  reason: string;
}

type Answer =
  | { kind: 'none' }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'data'; judged?: Judged; sightings: SightingSeed[] };

interface SightingSeed {
  title: string;
  description: string;
  host: string;
  hostIp: string;
  minutesAgo: number;
  count: number;
  resolution: 'detected' | 'blocked' | 'allowed' | 'contained';
  severity: string;
}

const HOSTS = [
  'ws-fin-0142',
  'ws-hr-0031',
  'lt-eng-0207',
  'lt-sales-0118',
  'srv-db-02',
  'srv-web-05',
  'ws-ops-0077',
  'lt-exec-0004',
];

function hostFor(seed: string, i: number): { host: string; hostIp: string } {
  const h = hash('host', seed, String(i));
  return { host: HOSTS[h % HOSTS.length]!, hostIp: `10.20.${(h >>> 8) % 250}.${((h >>> 16) % 250) + 2}` };
}

/** The domain or address a URL or an e-mail address is on, as an observable. */
function hostOf(o: Observable): Observable | undefined {
  const host =
    o.type === 'url' ? urlHost(o.value) : o.type === 'email' ? o.value.slice(o.value.lastIndexOf('@') + 1) : undefined;
  if (!host) return undefined;
  return { type: /^[\d.]+$/.test(host) ? 'ip' : host.includes(':') ? 'ipv6' : 'domain', value: host.toLowerCase() };
}

/** A demo value's fixed answer; URLs and e-mail addresses on a demo domain or address take its answers. */
function fixedFor(mod: ModuleKey, o: Observable): Fixed {
  const host = hostOf(o);
  const demo = findDemo(o) ?? (host && findDemo(host));
  return demo ? (demo[mod] === undefined ? null : demo[mod]) : undefined;
}

/** DNS Shield on a value nobody seeded (for a URL: on its host), or `null` when it has nothing. */
function derivedDns(o: Observable): Disposition | null {
  const subject = (o.type === 'url' ? hostOf(o) : o) ?? o;
  const a = appearance(subject);
  if (a.look === 'internal') return null;
  if (a.look === 'trusted') return a.trusted ?? 1;
  const feed = derivedDisposition(subject);
  const n = hash('dns-derived', subject.type, subject.value.toLowerCase()) % 100;
  if (feed === 2 || feed === 3) return n < 20 ? null : feed;
  // Now and then DNS Shield sees trouble the feed does not: the "modules disagree" case for derived values.
  if (a.look === 'suspicious' && n >= 90) return 3;
  if (subject.type === 'ip' || subject.type === 'ipv6') return n < 75 ? null : 5;
  return n < 55 ? null : n < 85 ? 5 : 1;
}

/** Endpoint Guard on a file hash nobody seeded: it follows the feed on a share of the files it has seen. */
function derivedFile(o: Observable): Disposition | null {
  const feed = derivedDisposition(o);
  const n = hash('file-derived', o.type, o.value.toLowerCase()) % 100;
  if (feed === 2 || feed === 3) return n < 30 ? null : feed;
  if (feed === 1 || feed === 4) return n < 50 ? null : feed;
  return n < 80 ? null : 5;
}

function severityOf(d: Disposition): string {
  return d === 2 ? 'High' : d === 3 ? 'Medium' : d === 5 ? 'Unknown' : 'Info';
}

function answer(store: Store, mod: ModuleKey, o: Observable): Answer {
  const fixed = fixedFor(mod, o);
  const isDemo = findDemo(o) !== undefined;
  if (fixed === 'error') {
    return {
      kind: 'error',
      code: 'upstream-timeout',
      message: `${moduleByKey(mod).module} did not answer for ${o.value}: its upstream service timed out.`,
    };
  }
  const h = hash(mod, o.type, o.value.toLowerCase());
  switch (mod) {
    case 'reputation': {
      const base = fixed === undefined ? derivedDisposition(o) : fixed;
      if (base === null) return { kind: 'none' };
      const reasons: Record<Disposition, string> = {
        1: 'Good reputation: long history, no malicious activity reported',
        2: 'Listed on threat feeds: associated with malware distribution',
        3: 'Low reputation: recently registered or seen in spam campaigns',
        4: 'Common: widely used infrastructure or file',
        5: 'No reputation data yet',
      };
      return { kind: 'data', judged: { disposition: base, priority: 85, reason: reasons[base] }, sightings: [] };
    }
    case 'dns': {
      const domain = o.type === 'url' ? urlHost(o.value) : o.value.toLowerCase();
      const blocked =
        hasState(store, 'dns', 'blocked', o) ||
        (o.type === 'url' &&
          domain !== undefined &&
          hasState(store, 'dns', 'blocked', { type: 'domain', value: domain }));
      if (blocked) {
        return {
          kind: 'data',
          judged: { disposition: 2, priority: 100, reason: 'Blocked by your DNS Shield policy' },
          sightings: dnsSightings(o, domain ?? o.value, 2, h, true),
        };
      }
      const d = fixed === undefined ? derivedDns(o) : fixed;
      if (d === null) return { kind: 'none' };
      const reasons: Record<Disposition, string> = {
        1: 'Resolver category: business and economy',
        2: 'Resolver category: malware, command and control',
        3: 'Resolver category: newly seen domain',
        4: 'Resolver category: content delivery networks',
        5: 'Not categorised',
      };
      return {
        kind: 'data',
        judged: { disposition: d, priority: 90, reason: reasons[d] },
        sightings: d === 2 || d === 3 ? dnsSightings(o, domain ?? o.value, d, h, false) : [],
      };
    }
    case 'endpoint': {
      const isHash = o.type === 'sha256' || o.type === 'md5' || o.type === 'sha1';
      if (isHash) {
        const blocked = hasState(store, 'endpoint', 'blocked', o);
        if (blocked) {
          return {
            kind: 'data',
            judged: { disposition: 2, priority: 100, reason: 'On your Endpoint Guard blocked-files list' },
            sightings: fileSightings(store, o, 2, h, true),
          };
        }
        const base = fixed === undefined ? derivedFile(o) : fixed;
        if (base === null) return { kind: 'none' };
        const reasons: Record<Disposition, string> = {
          1: 'Known good file (signed by a trusted publisher)',
          2: 'Detected as malware by the endpoint engine',
          3: 'Potentially unwanted application',
          4: 'Common system file',
          5: 'File never analysed',
        };
        return {
          kind: 'data',
          judged: { disposition: base, priority: 95, reason: reasons[base] },
          sightings: base === 2 || base === 3 ? fileSightings(store, o, base, h, false) : [],
        };
      }
      // Addresses and host names: sightings only (the endpoint module does not judge network observables).
      if (fixed === null) return { kind: 'none' };
      const internal = o.type === 'hostname' || isPrivateIp(o.value);
      const feed = fixed === undefined ? derivedDisposition(o) : fixed;
      if (!internal && !isDemo && !(feed === 2 || feed === 3)) return { kind: 'none' };
      return { kind: 'data', sightings: networkSightings(store, o, internal, h) };
    }
  }
}

function dnsSightings(o: Observable, domain: string, d: Disposition, h: number, blocked: boolean): SightingSeed[] {
  const n = 1 + (h % 3);
  return Array.from({ length: n }, (_, i) => ({
    ...hostFor(`${o.type}:${o.value}`, i),
    title: blocked ? 'DNS request blocked' : 'DNS request',
    description: `${blocked ? 'Blocked' : 'Resolved'} a lookup of ${domain}`,
    minutesAgo: (hash('dns-t', o.value, String(i)) % (6 * 24 * 60)) + 5,
    count: 1 + (hash('dns-c', o.value, String(i)) % 40),
    resolution: blocked || d === 2 ? 'blocked' : 'allowed',
    severity: severityOf(d),
  }));
}

function fileSightings(store: Store, o: Observable, d: Disposition, h: number, blocked: boolean): SightingSeed[] {
  const n = 1 + (h % 4);
  return Array.from({ length: n }, (_, i) => {
    const host = hostFor(`${o.type}:${o.value}`, i);
    const isolated = hasState(store, 'endpoint', 'isolated', { type: 'ip', value: host.hostIp });
    return {
      ...host,
      title: blocked ? 'File quarantined' : d === 2 ? 'Malware executed' : 'Potentially unwanted application',
      description: `${blocked ? 'Quarantined' : 'Detected'} ${o.value.slice(0, 12)}… on ${host.host}`,
      minutesAgo: (hash('file-t', o.value, String(i)) % (14 * 24 * 60)) + 3,
      count: 1 + (hash('file-c', o.value, String(i)) % 5),
      resolution: isolated ? 'contained' : blocked ? 'blocked' : 'detected',
      severity: severityOf(d),
    };
  });
}

function networkSightings(store: Store, o: Observable, internal: boolean, h: number): SightingSeed[] {
  if (internal) {
    const isolated = hasState(store, 'endpoint', 'isolated', o);
    const host = o.type === 'hostname' ? o.value : (HOSTS[h % HOSTS.length] ?? 'ws-0001');
    return [
      {
        host,
        hostIp: o.type === 'hostname' ? hostFor(o.value, 0).hostIp : o.value,
        title: isolated ? 'Host isolated' : 'Endpoint reported in',
        description: isolated
          ? `${host} is isolated from the network by Endpoint Guard`
          : `${host} (${o.value}) is managed by Endpoint Guard`,
        minutesAgo: (h % 90) + 1,
        count: 1,
        resolution: isolated ? 'contained' : 'detected',
        severity: 'Info',
      },
    ];
  }
  const n = 1 + (h % 3);
  return Array.from({ length: n }, (_, i) => {
    const host = hostFor(`${o.type}:${o.value}`, i);
    const isolated = hasState(store, 'endpoint', 'isolated', { type: 'ip', value: host.hostIp });
    return {
      ...host,
      title: 'Outbound connection',
      description: `${host.host} connected to ${o.value}`,
      minutesAgo: (hash('net-t', o.value, String(i)) % (3 * 24 * 60)) + 2,
      count: 1 + (hash('net-c', o.value, String(i)) % 20),
      resolution: isolated ? 'contained' : 'detected',
      severity: 'Medium',
    };
  });
}

export function moduleByKey(k: ModuleKey): ModuleInfo {
  return MODULES.find((m) => m.key === k)!;
}

export function moduleById(mid: string): ModuleInfo | undefined {
  return MODULES.find((m) => m.module_instance_id === mid);
}

// ---- the wire shapes ----

export interface ErrorMessage {
  module: string;
  module_instance_id: string;
  module_type_id: string;
  code: string;
  message: string;
  type: 'fatal' | 'warning' | 'error';
}

export interface Context {
  store: Store;
  now: number;
  /** Origin (scheme://host:port) the emulator is reached at, for refer links. */
  baseUrl: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function lookupUrl(ctx: Context, mod: ModuleInfo, o: Observable): string {
  return `${ctx.baseUrl}/ui/${mod.key}/${encodeURIComponent(o.type)}/${encodeURIComponent(o.value)}`;
}

/** Observe (`full`) or deliberate (verdicts only) over every module that supports one of the observables. */
export function enrich(
  mode: 'observe' | 'deliberate',
  observables: Observable[],
  ctx: Context,
  mids: string[] = [],
): { data: unknown[]; errors: ErrorMessage[] } {
  const data: unknown[] = [];
  const errors: ErrorMessage[] = [];
  for (const mod of MODULES) {
    if (mids.length && !mids.includes(mod.module_instance_id)) continue;
    const mine = observables.filter((o) => mod.types.includes(o.type));
    if (mine.length === 0) continue;
    const verdicts: unknown[] = [];
    const judgements: unknown[] = [];
    const sightings: unknown[] = [];
    let answered = 0;
    for (const o of mine) {
      const a = answer(ctx.store, mod.key, o);
      if (a.kind === 'error') {
        errors.push({ ...ids(mod), code: a.code, message: a.message, type: 'error' });
        continue;
      }
      answered++;
      if (a.kind === 'none') continue;
      const h = hash('time', mod.key, o.type, o.value);
      if (a.judged) {
        const start = ctx.now - (h % 20) * DAY - (h % 3600) * 1000;
        const valid_time = { start_time: iso(start), end_time: iso(start + 30 * DAY) };
        const jid = `transient:${stableUuid('judgement', mod.key, o.type, o.value, String(a.judged.disposition))}`;
        const name = DISPOSITION_NAMES[a.judged.disposition];
        verdicts.push({
          type: 'verdict',
          disposition: a.judged.disposition,
          disposition_name: name,
          observable: { type: o.type, value: o.value },
          valid_time,
          ...(mode === 'observe' ? { judgement_id: jid } : {}),
        });
        judgements.push({
          id: jid,
          type: 'judgement',
          schema_version: CTIM_SCHEMA_VERSION,
          observable: { type: o.type, value: o.value },
          disposition: a.judged.disposition,
          disposition_name: name,
          priority: a.judged.priority,
          severity: severityOf(a.judged.disposition),
          confidence: a.judged.disposition === 5 ? 'Low' : 'High',
          source: mod.module,
          source_uri: lookupUrl(ctx, mod, o),
          reason: a.judged.reason,
          tlp: 'amber',
          valid_time,
        });
      }
      a.sightings.forEach((s, i) => {
        const t = iso(ctx.now - s.minutesAgo * 60_000);
        sightings.push({
          id: `transient:${stableUuid('sighting', mod.key, o.type, o.value, String(i), s.resolution)}`,
          type: 'sighting',
          schema_version: CTIM_SCHEMA_VERSION,
          title: s.title,
          description: s.description,
          source: mod.module,
          source_uri: lookupUrl(ctx, mod, o),
          confidence: 'High',
          severity: s.severity,
          count: s.count,
          internal: true,
          resolution: s.resolution,
          sensor: mod.key === 'dns' ? 'network.dns_server' : 'endpoint',
          observed_time: { start_time: t, end_time: t },
          observables: [{ type: o.type, value: o.value }],
          targets: [
            {
              type: 'endpoint',
              observables: [
                { type: 'hostname', value: s.host },
                { type: 'ip', value: s.hostIp },
              ],
              observed_time: { start_time: t, end_time: t },
              os: 'Windows 11 Enterprise',
            },
          ],
          relations: [],
          tlp: 'amber',
        });
      });
    }
    if (answered === 0) continue; // every observable failed: only the errors speak for this module
    const doc = (docs: unknown[]) => ({ count: docs.length, docs });
    const bundle: Record<string, unknown> = { verdicts: doc(verdicts) };
    if (mode === 'observe') {
      if (judgements.length) bundle['judgements'] = doc(judgements);
      if (sightings.length) bundle['sightings'] = doc(sightings);
    }
    data.push({ ...ids(mod), module_instance_state: 'ok', data: bundle });
  }
  return { data, errors };
}

function ids(mod: ModuleInfo): { module: string; module_instance_id: string; module_type_id: string } {
  return { module: mod.module, module_instance_id: mod.module_instance_id, module_type_id: mod.module_type_id };
}

/** Refer links: every module offers a lookup for each observable it supports. */
export function refer(observables: Observable[], ctx: Context): { data: unknown[]; errors: ErrorMessage[] } {
  const data: unknown[] = [];
  const titles: Record<ModuleKey, (o: Observable) => [string, string, string]> = {
    reputation: (o) => [`Search for this ${o.type}`, `Look up ${o.value} in the Reputation Feed`, 'Search'],
    dns: (o) => [`Browse this ${o.type}`, `DNS Shield activity and category for ${o.value}`, 'Browse'],
    endpoint: (o) => [
      o.type === 'ip' || o.type === 'hostname' ? 'Open device trajectory' : 'Open file trajectory',
      `Endpoint Guard's history of ${o.value}`,
      'Browse',
    ],
  };
  for (const mod of MODULES) {
    for (const o of observables) {
      if (!mod.types.includes(o.type)) continue;
      const [title, description, category] = titles[mod.key](o);
      data.push({
        ...ids(mod),
        id: `ref-${mod.key}-${category.toLowerCase()}-${o.type}-${o.value}`,
        title,
        description,
        url: lookupUrl(ctx, mod, o),
        categories: [mod.module, category],
      });
    }
  }
  return { data, errors: [] };
}

// ---- response actions ----

interface ActionDef {
  id: string;
  module: ModuleKey;
  state: StateName;
  /** Whether the action sets (true) or clears (false) the state. */
  set: boolean;
  types: readonly string[];
  title: string;
  description: (o: Observable) => string;
  category: string;
  /** Offered only for some values (e.g. internal addresses). */
  when?: (o: Observable) => boolean;
}

const internalHost = (o: Observable) => o.type === 'hostname' || isPrivateIp(o.value);

export const ACTIONS: readonly ActionDef[] = [
  {
    id: 'block-domain',
    module: 'dns',
    state: 'blocked',
    set: true,
    types: ['domain'],
    title: 'Block this domain',
    description: (o) => `Add ${o.value} to the DNS Shield block list`,
    category: 'Block',
  },
  {
    id: 'unblock-domain',
    module: 'dns',
    state: 'blocked',
    set: false,
    types: ['domain'],
    title: 'Unblock this domain',
    description: (o) => `Remove ${o.value} from the DNS Shield block list`,
    category: 'Unblock',
  },
  {
    id: 'block-file',
    module: 'endpoint',
    state: 'blocked',
    set: true,
    types: ['sha256', 'md5', 'sha1'],
    title: 'Quarantine this file',
    description: (o) => `Add ${o.value} to Endpoint Guard's blocked files and quarantine every copy`,
    category: 'Block',
  },
  {
    id: 'unblock-file',
    module: 'endpoint',
    state: 'blocked',
    set: false,
    types: ['sha256', 'md5', 'sha1'],
    title: 'Remove from blocked files',
    description: (o) => `Remove ${o.value} from Endpoint Guard's blocked files`,
    category: 'Unblock',
  },
  {
    id: 'isolate-host',
    module: 'endpoint',
    state: 'isolated',
    set: true,
    types: ['ip', 'hostname'],
    title: 'Isolate this host',
    description: (o) => `Cut ${o.value} off the network (Endpoint Guard keeps its own connection)`,
    category: 'Isolate',
    when: internalHost,
  },
  {
    id: 'release-host',
    module: 'endpoint',
    state: 'isolated',
    set: false,
    types: ['ip', 'hostname'],
    title: 'Stop isolating this host',
    description: (o) => `Reconnect ${o.value} to the network`,
    category: 'Isolate',
    when: internalHost,
  },
];

/** The actions each module offers now: blocking a blocked domain is replaced by unblocking it, and so on. */
export function responseActions(observables: Observable[], ctx: Context): { data: unknown[]; errors: ErrorMessage[] } {
  const data: unknown[] = [];
  for (const o of observables) {
    for (const a of ACTIONS) {
      if (!a.types.includes(o.type) || (a.when && !a.when(o))) continue;
      if (hasState(ctx.store, a.module, a.state, o) === a.set) continue;
      const mod = moduleByKey(a.module);
      const query = `observable_type=${encodeURIComponent(o.type)}&observable_value=${encodeURIComponent(o.value)}`;
      data.push({
        ...ids(mod),
        id: a.id,
        title: a.title,
        description: a.description(o),
        url: `/respond/trigger/${mod.module_instance_id}/${a.id}?${query}`,
        categories: [mod.module, a.category],
      });
    }
  }
  return { data, errors: [] };
}

/** Runs an action; the state change is committed before this returns. */
export function trigger(
  mid: string,
  actionId: string,
  o: Observable,
  ctx: Context,
): { data: { status: 'success' | 'failure' }; errors: ErrorMessage[] } {
  const mod = moduleById(mid);
  const failure = (code: string, message: string, m?: ModuleInfo) => ({
    data: { status: 'failure' as const },
    errors: [
      {
        module: m?.module ?? 'unknown',
        module_instance_id: mid,
        module_type_id: m?.module_type_id ?? 'unknown',
        code,
        message,
        type: 'fatal' as const,
      },
    ],
  });
  if (!mod) return failure('unknown-module', `No module instance ${mid}`);
  const action = ACTIONS.find((a) => a.id === actionId && a.module === mod.key);
  if (!action) return failure('unknown-action', `${mod.module} has no action ${actionId}`, mod);
  if (!action.types.includes(o.type) || (action.when && !action.when(o))) {
    return failure(
      'invalid-argument',
      `${mod.module} cannot ${action.title.toLowerCase()} for ${o.type} ${o.value}`,
      mod,
    );
  }
  if (fixedFor(mod.key, o) === 'error') {
    return failure(
      'upstream-timeout',
      `${mod.module} could not apply the change: its upstream service timed out.`,
      mod,
    );
  }
  const id = stateId(mod.key, action.state, o);
  ctx.store.transaction(() => {
    if (action.set) {
      ctx.store.put('response-state', id, {
        module: mod.key,
        state: action.state,
        observable: { type: o.type, value: o.value },
        action_id: action.id,
        at: iso(ctx.now),
      });
    } else {
      ctx.store.delete('response-state', id);
    }
  });
  return { data: { status: 'success' }, errors: [] };
}

/** Module health, as `GET /iroh/iroh-enrich/health` reports it. */
export function health(mid?: string): unknown[] {
  return MODULES.filter((m) => !mid || m.module_instance_id === mid).map((m) => ({
    ...ids(m),
    data: { status: 'ok' },
  }));
}

/** One module's answer for one observable, for the emulator's lookup pages (refer links open them). */
export function describe(modKey: string, o: Observable, ctx: Context): unknown {
  const mod = MODULES.find((m) => m.key === modKey);
  if (!mod) return undefined;
  return enrich('observe', [o], ctx, [mod.module_instance_id]);
}
