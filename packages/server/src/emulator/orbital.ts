/**
 * Orbital API emulation (`/v0/query/run`, `/v0/query`, `/v0/jobs/{id}/results`): a handful of fake endpoints whose
 * osquery tables hold the demo observables, and jobs answered from them. Shapes follow the public Orbital API
 * docs where they speak and docs/decisions/0007-orbital-api-shapes.md where they are silent.
 * The emulator does not parse SQL: it reads the table after `FROM` and the quoted literals, and answers the rows of
 * that table (on every matching node) in which some column equals one of the literals.
 * @module
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { TokenClaims } from './auth.js';
import { randomUuid } from './hash.js';

type OrbitalEnv = { Variables: { auth: TokenClaims; traceId: string } };

interface Host {
  node: string;
  hostname: string;
  os: 'windows' | 'macos' | 'linux';
  osName: string;
  ip: string;
  tables: Record<string, { columns: string[]; rows: string[][] }>;
}

const EICAR = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';
/** The potentially unwanted application of the seeded incident on lt-eng-0207. */
const PUA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

/** The emulated endpoints (published demo data, shown in packages/server/README.md's table of demo values). */
export const ORBITAL_HOSTS: readonly Host[] = [
  {
    node: 'orbital-node-ws-fin-0142',
    hostname: 'ws-fin-0142',
    os: 'windows',
    osName: 'Microsoft Windows 11 Enterprise',
    ip: '10.20.1.42',
    tables: {
      dns_cache: { columns: ['name', 'type', 'flags'], rows: [['evil.example.net', 'A', '0']] },
      process_open_sockets: {
        columns: ['pid', 'remote_address', 'remote_port', 'local_port', 'state', 'name', 'path'],
        rows: [
          ['4312', '198.51.100.7', '443', '50122', 'ESTABLISHED', 'eicar.exe', 'C:\\Users\\jdoe\\Downloads\\eicar.exe'],
        ],
      },
      hash: {
        columns: ['path', 'sha256', 'sha1', 'md5'],
        rows: [
          [
            'C:\\Users\\jdoe\\Downloads\\eicar.exe',
            EICAR,
            '3395856ce81f2b7382dee72602f798b642f14140',
            '44d88612fea8a8f36de82e1278abb02f',
          ],
        ],
      },
      processes: {
        columns: ['pid', 'name', 'path', 'sha256'],
        rows: [['4312', 'eicar.exe', 'C:\\Users\\jdoe\\Downloads\\eicar.exe', EICAR]],
      },
      arp_cache: { columns: ['address', 'mac', 'interface'], rows: [['10.20.1.1', '00:1a:2b:3c:4d:5e', 'Ethernet']] },
      chrome_history: {
        columns: ['url', 'title', 'last_visit_time'],
        rows: [['http://evil.example.net/payload.exe', 'payload.exe', '1764720000']],
      },
    },
  },
  {
    node: 'orbital-node-lt-eng-0207',
    hostname: 'lt-eng-0207',
    os: 'macos',
    osName: 'macOS 14.6',
    ip: '10.20.2.7',
    tables: {
      dns_cache: {
        columns: ['name', 'type', 'flags'],
        rows: [
          ['evil.example.net', 'A', '0'],
          ['phish.example.org', 'A', '0'],
        ],
      },
      process_open_sockets: {
        columns: ['pid', 'remote_address', 'remote_port', 'local_port', 'state', 'name', 'path'],
        rows: [['811', '203.0.113.9', '22', '61001', 'ESTABLISHED', 'sshd', '/usr/sbin/sshd']],
      },
      hash: {
        columns: ['path', 'sha256', 'sha1', 'md5'],
        rows: [
          [
            '/Applications/Helper.app/Contents/MacOS/helper',
            PUA,
            'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3',
            '098f6bcd4621d373cade4e832627b4f6',
          ],
        ],
      },
      processes: {
        columns: ['pid', 'name', 'path', 'sha256'],
        rows: [['902', 'helper', '/Applications/Helper.app/Contents/MacOS/helper', PUA]],
      },
      arp_cache: { columns: ['address', 'mac', 'interface'], rows: [['203.0.113.9', '02:42:ac:11:00:02', 'en0']] },
      chrome_history: {
        columns: ['url', 'title', 'last_visit_time'],
        rows: [['http://evil.example.net/payload.exe', 'payload.exe', '1764723600']],
      },
    },
  },
  {
    node: 'orbital-node-srv-web-01',
    hostname: 'srv-web-01',
    os: 'linux',
    osName: 'Ubuntu 22.04',
    ip: '10.20.3.1',
    tables: {
      dns_cache: { columns: ['name', 'type', 'flags'], rows: [['cisco.com', 'A', '0']] },
      process_open_sockets: {
        columns: ['pid', 'remote_address', 'remote_port', 'local_port', 'state', 'name', 'path'],
        rows: [['1201', '198.51.100.7', '8080', '40110', 'TIME_WAIT', 'curl', '/usr/bin/curl']],
      },
      hash: { columns: ['path', 'sha256', 'sha1', 'md5'], rows: [] },
      processes: { columns: ['pid', 'name', 'path', 'sha256'], rows: [] },
      arp_cache: { columns: ['address', 'mac', 'interface'], rows: [] },
      chrome_history: { columns: ['url', 'title', 'last_visit_time'], rows: [] },
    },
  },
];

interface Job {
  id: string;
  org: string;
  /** Host answers, in node order. */
  results: unknown[];
  expiresAt: number;
}

/** An SQL LIKE pattern (`%` any run, `_` one character) as a regular expression. */
function like(pattern: string): RegExp {
  const body = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${body}$`, 's');
}

/** What the answer of one host to one statement is. */
function answer(host: Host, sql: string): { columns: string[]; values: string[][]; error?: string } {
  const table = /\bfrom\s+([a-z_][a-z0-9_]*)/i.exec(sql)?.[1]?.toLowerCase();
  const data = table ? host.tables[table] : undefined;
  if (!data) return { columns: [], values: [], error: `no such table: ${table ?? '(none)'}` };
  // `%%` literals are osquery's recursive path globs: they say where to look, not what to find.
  const literals = [...sql.matchAll(/'((?:[^']|'')*)'/g)]
    .map((m) => m[1]!.replace(/''/g, "'").toLowerCase())
    .filter((l) => !l.includes('%%'));
  const tests = literals.map((l) =>
    l.includes('%') ? (cell: string) => like(l).test(cell) : (cell: string) => cell === l,
  );
  const rows = data.rows.filter((r) => r.some((cell) => tests.some((t) => t(cell.toLowerCase()))));
  return { columns: data.columns, values: rows };
}

/** Whether a node selector (`os:windows`, `host:NAME`, `orb:ID`, `netmask:CIDR`, `ip:ADDR`) picks a host. */
function selects(selector: string, host: Host): boolean {
  const i = selector.indexOf(':');
  const kind = i < 0 ? 'host' : selector.slice(0, i).toLowerCase();
  const v = (i < 0 ? selector : selector.slice(i + 1)).toLowerCase();
  switch (kind) {
    case 'os':
      return v === 'all' || host.os === v || (v === 'mac' && host.os === 'macos');
    case 'host':
      return host.hostname === v;
    case 'orb':
    case 'node':
      return host.node === v;
    case 'ip':
      return host.ip === v;
    case 'netmask': {
      const [net, bits] = v.split('/');
      const toInt = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
      const n = Number(bits ?? 32);
      if (!net || !(n >= 0 && n <= 32)) return false;
      const mask = n === 0 ? 0 : 2 ** 32 - 2 ** (32 - n);
      return (toInt(host.ip) & mask) >>> 0 === (toInt(net) & mask) >>> 0;
    }
    default:
      return false;
  }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Orbital's own error body, as the docs' error objects show it: `{"errors": ["…"]}`. */
const invalid = (message: string, status = 400) => json({ errors: [message] }, status);

/**
 * Adds the Orbital routes to the emulator's app; `authenticate` checks the bearer token, `need` the scope.
 * Jobs live in memory for 48 hours (the docs keep results 24 to 48 hours).
 */
export function registerOrbital(
  app: Hono<OrbitalEnv>,
  deps: {
    authenticate: MiddlewareHandler<OrbitalEnv>;
    need: (c: Parameters<MiddlewareHandler<OrbitalEnv>>[0], ...scopes: string[]) => Response | undefined;
    clock: () => number;
  },
): void {
  const jobs = new Map<string, Job>();
  app.use('/v0/*', deps.authenticate);

  const create = (live: boolean) => async (c: Parameters<MiddlewareHandler<OrbitalEnv>>[0]) => {
    const denied = deps.need(c, 'orbital');
    if (denied) return denied;
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = await c.req.json();
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return invalid('the body must be a JSON object');
      body = parsed as Record<string, unknown>;
    } catch {
      return invalid('the body is not JSON');
    }
    const nodes = body['nodes'];
    const os = body['os'];
    const selectors = [
      ...(Array.isArray(nodes) ? nodes : []),
      ...(Array.isArray(os) ? os.map((o) => `os:${String(o)}`) : []),
    ].filter((s): s is string => typeof s === 'string' && s.length > 0);
    if (selectors.length === 0) return invalid('nodes: give at least one node selector (host:, os:, orb:, netmask:)');
    const statements = body['osQuery'];
    if (body['stock'] !== undefined && statements !== undefined) return invalid('stock and osQuery cannot be combined');
    if (
      !Array.isArray(statements) ||
      statements.length === 0 ||
      !statements.every((s) => s && typeof s === 'object' && typeof (s as { sql?: unknown }).sql === 'string')
    )
      return invalid('osQuery: give a list of {label?, name?, sql}');
    if (!live) {
      const expiry = body['expiry'];
      if (typeof expiry !== 'number' || expiry * 1000 < deps.clock() + 60_000)
        return invalid('expiry: a Unix time at least one minute in the future');
      if (typeof body['interval'] !== 'number' || (body['interval'] as number) < 0)
        return invalid('interval: a number of seconds, at least 0');
    }
    const picked = ORBITAL_HOSTS.filter((h) => selectors.some((s) => selects(s, h)));
    const id = randomUuid().replace(/-/g, '').slice(0, 22);
    jobs.set(id, {
      id,
      org: c.get('auth').orgId,
      expiresAt: deps.clock() + 48 * 3_600_000,
      results: picked.map((h) => ({
        node: h.node,
        hostinfo: { hostname: h.hostname, os: { name: h.osName }, interfaces: { primary: { ipv4: h.ip } } },
        osQueryResult: (statements as { label?: unknown; sql: string }[]).map((s, i) => ({
          label: typeof s.label === 'string' ? s.label : `q${i + 1}`,
          ...answer(h, s.sql),
        })),
      })),
    });
    return json({ ID: id, name: typeof body['name'] === 'string' ? body['name'] : '', nodes: selectors });
  };
  app.post('/v0/query/run', create(true));
  app.post('/v0/query', create(false));

  app.get('/v0/jobs/:id/results', (c) => {
    const denied = deps.need(c, 'orbital');
    if (denied) return denied;
    const now = deps.clock();
    for (const [k, j] of jobs) if (j.expiresAt < now) jobs.delete(k);
    const job = jobs.get(c.req.param('id'));
    if (!job || job.org !== c.get('auth').orgId) return invalid('no such job', 404);
    const limitRaw = c.req.query('limit');
    const limit = limitRaw === undefined ? 100 : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return invalid('limit: a whole number from 1 to 1000');
    const cursor = c.req.query('cursor');
    const from = cursor ? Number(/^c(\d+)$/.exec(cursor)?.[1] ?? NaN) : 0;
    if (!Number.isInteger(from) || from < 0) return invalid('cursor: not one this service gave');
    const page = job.results.slice(from, from + limit);
    const next = from + page.length;
    const complete = next >= job.results.length;
    return json({ results: page, ...(complete ? {} : { cursor: `c${next}` }), complete });
  });
}
