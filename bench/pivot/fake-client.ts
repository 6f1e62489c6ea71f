// A small, deterministic PivotkitClient for the pivot benchmark: canned answers, optional delays, no network, so
// the benchmark times the page and not a server. (The stories use the real SDK against the in-page emulator.)
import type {
  Casebook,
  Disposition,
  ModuleError,
  ModuleResult,
  Observable,
  ObservableVerdict,
  PivotkitClient,
  ReferLink,
  ResponseAction,
  Session,
} from '@pivotkit/sdk';
import { dispositionName, missingScopesFor } from '@pivotkit/sdk';

export interface FakeModule {
  module: string;
  disposition?: Disposition;
  /** Milliseconds before this module answers. */
  delay?: number;
  /** The module fails with this message instead of answering. */
  error?: string;
}

export interface FakeOptions {
  signedIn?: boolean;
  scopes?: string[];
  modules?: FakeModule[];
  links?: Omit<ReferLink, 'moduleInstanceId' | 'description' | 'categories' | 'id'>[];
  actions?: Pick<ResponseAction, 'module' | 'id' | 'title'>[];
  /** Milliseconds before refer and response answer; `Infinity` never answers (the loading state). */
  delay?: number;
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms === Infinity) return;
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

const notImplemented = () => Promise.reject(new Error('not available in stories'));

export function fakeClient(opts: FakeOptions = {}): PivotkitClient {
  const scopes = opts.scopes ?? ['casebook', 'enrich:read', 'response', 'inspect:read'];
  let session: Session | undefined =
    opts.signedIn === false ? undefined : { scopes, expiresAt: Date.now() + 600_000, clientId: 'story-client' };
  const cases = new Map<string, Casebook>();
  const modules = opts.modules ?? [];
  const delay = opts.delay ?? 300;

  const enrich = async (obs: Observable[], o?: { signal?: AbortSignal; onModule?: (m: ModuleResult) => void }) => {
    const results: ModuleResult[] = [];
    const errors: ModuleError[] = [];
    await Promise.all(
      modules.map(async (m, i) => {
        await wait(m.delay ?? 200 * (i + 1), o?.signal);
        const id = `instance-${i}`;
        if (m.error) {
          errors.push({
            module: m.module,
            moduleInstanceId: id,
            moduleTypeId: id,
            code: 'error',
            message: m.error,
            type: 'error',
          });
          return;
        }
        const r: ModuleResult = {
          module: m.module,
          moduleInstanceId: id,
          moduleTypeId: id,
          verdicts: obs.map((observable) => ({
            type: 'verdict',
            disposition: m.disposition ?? 5,
            disposition_name: dispositionName(m.disposition ?? 5),
            observable,
            valid_time: {},
          })),
          judgements: [],
          sightings: [],
          raw: {},
        };
        results.push(r);
        o?.onModule?.(r);
      }),
    );
    const verdicts: ObservableVerdict[] = obs.map((observable) => {
      const ms = results.map((r) => ({
        module: r.module,
        moduleInstanceId: r.moduleInstanceId,
        disposition: r.verdicts[0]!.disposition,
        dispositionName: dispositionName(r.verdicts[0]!.disposition),
      }));
      const known = [...new Set(ms.map((m) => m.disposition).filter((d) => d !== 5))];
      const d = (known.sort()[0] ?? 5) as Disposition;
      return {
        observable,
        disposition: d,
        dispositionName: dispositionName(d),
        modules: ms,
        conflict: known.length > 1,
      };
    });
    return {
      modules: results,
      errors,
      verdicts,
      verdictFor: (x: Observable) =>
        verdicts.find((v) => v.observable.type === x.type && v.observable.value === x.value),
    };
  };

  const saveCase = (c: Casebook) => (cases.set(c.id, c), c);
  const stored = (id: string, title?: string): Casebook => ({
    id,
    longId: `https://private.intel.example:443/ctia/casebook/${id}`,
    type: 'casebook',
    schema_version: '1.0',
    ...(title ? { title } : {}),
  });

  return {
    region: undefined,
    clientId: 'story-client',
    async signIn() {
      session = { scopes, expiresAt: Date.now() + 600_000, clientId: 'story-client' };
      return session;
    },
    get session() {
      return session;
    },
    // The SDK's own scope table (FEATURE_SCOPES), not a second one that could disagree with it.
    can: (f) => !!session && missingScopesFor(scopes, f).length === 0,
    missingScopes: (f) => missingScopesFor(scopes, f),
    signOut: () => (session = undefined),
    inspect: async () => [],
    enrich: {
      deliberate: enrich,
      observe: enrich,
      async refer(_obs, o) {
        await wait(delay, o?.signal);
        return {
          links: (opts.links ?? []).map((l, i) => ({
            ...l,
            id: `link-${i}`,
            moduleInstanceId: l.module,
            description: '',
            categories: [],
          })),
          errors: [],
        };
      },
    },
    response: {
      async actions(_obs, o) {
        await wait(delay, o?.signal);
        return {
          actions: (opts.actions ?? []).map((a) => ({
            ...a,
            moduleInstanceId: a.module,
            moduleTypeId: a.module,
            description: '',
            url: '',
            categories: [],
          })),
          errors: [],
        };
      },
      async trigger() {
        await wait(400);
        return { status: 'success', errors: [] };
      },
    },
    casebooks: {
      async create(input) {
        return saveCase({ ...input, ...stored(`casebook-${crypto.randomUUID()}`) });
      },
      async get(id) {
        return cases.get(id) ?? stored(id, 'Phishing wave, week 47');
      },
      list: async () => ({ items: [...cases.values()] }),
      update: notImplemented,
      async addObservables(id, obs) {
        const c = cases.get(id) ?? stored(id, 'Phishing wave, week 47');
        return saveCase({ ...c, observables: [...(c.observables ?? []), ...obs] });
      },
      removeObservables: notImplemented,
      async addTexts(id, texts) {
        const c = cases.get(id) ?? stored(id);
        return saveCase({ ...c, texts: [...(c.texts ?? []), ...texts] });
      },
      delete: async () => {},
    },
    incidents: { list: notImplemented, get: notImplemented, setStatus: notImplemented },
  };
}
