#!/usr/bin/env node
// pivotkit-server: the Threat Response emulator (default) and the secret-holding relay.
import { isRegion } from '@pivotkit/sdk';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { DEMO_CLIENT, parseClients } from './emulator/auth.js';
import type { ClientConfig } from './emulator/auth.js';
import { checkFaults } from './faults.js';
import type { FaultConfig } from './faults.js';
import { defaultDataFile, listen, startEmulatorServer } from './node.js';
import { REGION_HOSTS, RELAYED_PATHS, createRelay, readCredentials } from './relay.js';

const HELP = `pivotkit-server: a local emulator of the Cisco Threat Response / XDR API, and a relay
that keeps the API client secret on your server.

Usage:
  pivotkit-server [emulate] [options]     start the emulator (the default command)
  pivotkit-server relay --region <r> [options]
  pivotkit-server --help

emulate options:
  --port <n>             Port to listen on; 0 picks a free one. Default 8787.
  --host <name>          Interface to listen on. Default localhost.
  --data <file>          SQLite database for casebooks, incidents and response state (WAL mode).
                         ":memory:" keeps everything in memory. Default:
                         ${defaultDataFile()}
  --clients <file>       JSON file of OAuth2 clients: [{"client_id","client_secret","scopes":[...]}, ...]
                         (or {"clients":[...]}). Without it, the demo client demo-client / demo-secret
                         has every scope.
  --cors <origins>       Comma-separated origins allowed to call from a browser, or "*". Default: none.
  --token-ttl <s>        Access-token lifetime in seconds. Default 600 (as the real service).
  --public-url <url>     Origin to use in long casebook ids and links. Default: the origin each request used.
  --no-control           Do not serve the control endpoint POST /__control/{faults,reset,clock}.
  --quiet                Do not log requests (logs never contain secrets, tokens or form bodies).

  Fault injection (off by default; POST /__control/faults with the same settings in camelCase changes it):
  --latency <ms>         Add this delay to every API request.
  --error-rate <0-1>     Share of requests answered with --error-status (default 500).
  --error-status <n>     Status for --error-rate. Default 500.
  --rate-limit-rate <0-1> Share of requests answered 429 with a Retry-After header.
  --retry-after <s>      Retry-After seconds for the 429s. Default 1.
  --malformed-rate <0-1> Share of requests whose body is cut short (not valid JSON).
  --invalid-item-rate <0-1> Share of list replies whose first item loses its schema_version (out of shape).
  --drop-rate <0-1>      Share of requests whose connection is closed with no answer.
  --fault-paths <list>   Comma-separated path fragments the faults apply to. Default: every path.
  --fault-seed <n>       Seed for the fault decisions, to repeat a run. Default 1.
  --module-latency <list> Extra delay per module for observe/deliberate, e.g. "Endpoint Guard=800,DNS Shield=200"
                         (names or module instance ids), so per-module answers arrive one by one.

relay options:
  --region <r>           nam, eu or apjc: the Threat Response region to forward to. Required.
  --port <n>             Port to listen on. Default 8788.
  --host <name>          Interface to listen on. Default localhost.
  --allow-origin <list>  Comma-separated browser origins allowed to use the relay (required; "*" allows any,
                         which lets any web page spend your API quota).
  --credentials-file <f> JSON file {"client_id": "...", "client_secret": "..."}. Otherwise the relay reads
                         the environment variables PIVOTKIT_CLIENT_ID and PIVOTKIT_CLIENT_SECRET.
                         A secret on the command line is refused: other users can read it in the process list.
  --upstream-visibility <url>      Override the region's API host (for testing against the emulator).
  --upstream-private-intel <url>   Override the region's private-intel (CTIA) host.
  --timeout <ms>         How long one upstream call (token or API, body included) may take before the relay
                         answers 504. Default 30000.
  --quiet                Do not log requests.

The relay forwards only paths whose leading segments are ${RELAYED_PATHS.join(', ')}
and answers POST /iroh/oauth2/token itself with a placeholder token: the browser holds no secret and no real token.
`;

function fail(message: string): never {
  console.error(`pivotkit-server: ${message}`);
  console.error('Run pivotkit-server --help for the options.');
  process.exit(2);
}

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'emulate';
const rest = argv[0] === command ? argv.slice(1) : argv;

const secretFlag = rest.find((a) => /^--(client[-_]?)?(secret|password)(=|$)/i.test(a));
if (secretFlag) {
  fail(
    `refusing ${secretFlag.split('=')[0]}: a secret on the command line is visible to every user in the process list. ` +
      'Set PIVOTKIT_CLIENT_ID and PIVOTKIT_CLIENT_SECRET in the environment, or use --credentials-file.',
  );
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(options: T) {
  try {
    return parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    fail((e as Error).message);
  }
}

function num(name: string, v: string | undefined, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) fail(`--${name} needs a number, got ${JSON.stringify(v)}`);
  return n;
}

function origins(v: string | undefined): '*' | string[] | undefined {
  if (!v) return undefined;
  if (v.trim() === '*') return '*';
  return v
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

async function emulate(): Promise<void> {
  const o = parse({
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    clients: { type: 'string' },
    cors: { type: 'string' },
    'token-ttl': { type: 'string' },
    'public-url': { type: 'string' },
    'no-control': { type: 'boolean' },
    quiet: { type: 'boolean' },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
    'error-status': { type: 'string' },
    'rate-limit-rate': { type: 'string' },
    'retry-after': { type: 'string' },
    'malformed-rate': { type: 'string' },
    'invalid-item-rate': { type: 'string' },
    'drop-rate': { type: 'string' },
    'fault-paths': { type: 'string' },
    'fault-seed': { type: 'string' },
    'module-latency': { type: 'string' },
  });
  let clients: ClientConfig[] | undefined;
  if (o.clients) {
    try {
      clients = parseClients(JSON.parse(readFileSync(o.clients, 'utf8')));
    } catch (e) {
      fail(`cannot use --clients ${o.clients}: ${(e as Error).message}`);
    }
  }
  const faults: FaultConfig = {};
  const setFault = (key: keyof FaultConfig, flag: string) => {
    const v = num(flag, o[flag as 'latency']);
    if (v !== undefined) (faults as Record<string, number>)[key] = v;
  };
  setFault('latencyMs', 'latency');
  setFault('errorRate', 'error-rate');
  setFault('errorStatus', 'error-status');
  setFault('rateLimitRate', 'rate-limit-rate');
  setFault('retryAfter', 'retry-after');
  setFault('malformedRate', 'malformed-rate');
  setFault('invalidItemRate', 'invalid-item-rate');
  setFault('dropRate', 'drop-rate');
  setFault('seed', 'fault-seed');
  if (o['fault-paths']) faults.paths = o['fault-paths'].split(',').filter(Boolean);
  if (o['module-latency']) {
    faults.moduleLatencyMs = Object.fromEntries(
      o['module-latency'].split(',').map((pair) => {
        const at = pair.lastIndexOf('=');
        return [pair.slice(0, at).trim(), num('module-latency', pair.slice(at + 1))!];
      }),
    );
  }
  const faultProblems = checkFaults(faults);
  if (faultProblems.length) fail(faultProblems.join('; '));

  const data = o.data ?? defaultDataFile();
  const host = o.host ?? 'localhost';
  const server = await startEmulatorServer({
    port: num('port', o.port, 8787),
    host,
    data,
    clients,
    faults,
    cors: origins(o.cors),
    tokenTtl: num('token-ttl', o['token-ttl'], 600),
    publicUrl: o['public-url'],
    control: !o['no-control'],
    log: o.quiet ? undefined : (line) => console.log(line),
  }).catch((e: Error) => fail(`cannot start: ${e.message}`));
  // One write, so a reader that sees the "listening on" line has the rest of the banner too.
  const banner = [
    `pivotkit-server emulate listening on ${server.url}`,
    `  database: ${data === ':memory:' ? 'in memory (nothing is kept)' : data}`,
    ...(clients
      ? [`  clients: ${clients.map((c) => c.clientId).join(', ')} (from ${o.clients})`]
      : [
          `  demo client: client ID ${DEMO_CLIENT.clientId}, client secret ${DEMO_CLIENT.clientSecret}`,
          `  scopes: ${DEMO_CLIENT.scopes.join(' ')}`,
        ]),
    ...(Object.keys(faults).length ? [`  faults: ${JSON.stringify(faults)}`] : []),
  ];
  console.log(banner.join('\n'));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function relay(): Promise<void> {
  const o = parse({
    region: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'allow-origin': { type: 'string' },
    'credentials-file': { type: 'string' },
    'upstream-visibility': { type: 'string' },
    'upstream-private-intel': { type: 'string' },
    timeout: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const region = o.region;
  if (!isRegion(region)) fail('relay needs --region nam, eu or apjc');
  const allowed = origins(o['allow-origin']);
  if (!allowed) fail('relay needs --allow-origin <origins> (the pages allowed to use it)');
  let credentials;
  try {
    credentials = readCredentials(o['credentials-file'], process.env);
  } catch (e) {
    fail((e as Error).message);
  }
  const hosts = {
    visibility: o['upstream-visibility'] ?? REGION_HOSTS[region].visibility,
    privateIntel: o['upstream-private-intel'] ?? REGION_HOSTS[region].privateIntel,
  };
  const timeoutMs = num('timeout', o.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) fail('--timeout needs a number of milliseconds above 0');
  const handler = createRelay({
    credentials,
    upstream: hosts,
    allowOrigins: allowed,
    timeoutMs,
    log: o.quiet ? undefined : (line) => console.log(line),
  });
  const host = o.host ?? 'localhost';
  const server = await listen(handler.fetch, num('port', o.port, 8788)!, host).catch((e: Error) =>
    fail(`cannot start: ${e.message}`),
  );
  console.log(
    [
      `pivotkit-server relay listening on ${server.url}`,
      `  region ${region}: ${hosts.visibility} and ${hosts.privateIntel}`,
      `  client ID ${credentials.clientId} (secret from ${o['credentials-file'] ?? 'the environment'})`,
      `  allowed origins: ${allowed === '*' ? '* (any)' : allowed.join(', ')}`,
    ].join('\n'),
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (command === 'emulate') await emulate();
else if (command === 'relay') await relay();
else fail(`unknown command ${JSON.stringify(command)}`);
