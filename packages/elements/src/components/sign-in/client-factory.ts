// Building the SDK client a sign-in uses: the region's hosts (or the ones a host points the region at, such as
// the emulator), the credentials kept in the client's memory only, and an optional token watcher.
import { REGIONS, createClient, isRegion, type PivotkitClient, type Region } from '@pivotkit/sdk';

/** The hosts of one region: `visibility` serves `/iroh/…`, `privateIntel` serves `/ctia/…`. */
export interface RegionHosts {
  visibility: string;
  privateIntel: string;
}

/**
 * Where each region's API lives, when not at Cisco's hosts: one origin for every region (an emulator or a relay:
 * a string), or a map from region to its hosts (a region left out keeps Cisco's).
 */
export type RegionBaseUrls = string | Partial<Record<Region, RegionHosts | string>>;

/** The regions in the order the dialog lists them. */
export const REGION_ORDER: readonly Region[] = ['nam', 'eu', 'apjc'];

/** The hosts a region's requests go to. */
export function hostsFor(region: Region, baseUrls?: RegionBaseUrls): RegionHosts {
  const own = typeof baseUrls === 'string' ? baseUrls : baseUrls?.[region];
  if (typeof own === 'string') return { visibility: own, privateIntel: own };
  if (own) return own;
  return { visibility: REGIONS[region].visibility, privateIntel: REGIONS[region].privateIntel };
}

/** The region whose hosts serve `origin`, if only one does (to name a region for a host-made client). */
export function regionServing(origin: string, baseUrls?: RegionBaseUrls): Region | undefined {
  const hits = REGION_ORDER.filter((r) => {
    try {
      return new URL(hostsFor(r, baseUrls).visibility).origin === origin;
    } catch {
      return false;
    }
  });
  return hits.length === 1 ? hits[0] : undefined;
}

export interface DialogClientInput {
  clientId: string;
  clientSecret: string;
  region: Region;
}

export interface DialogClientOptions {
  baseUrls?: RegionBaseUrls | undefined;
  /** Used for every request (a token watcher, a test double). */
  fetch?: typeof fetch | undefined;
  /** Verdict cache choice; the SDK's default when left out. */
  cache?: false | undefined;
}

/** A client with the analyst's credentials for one region. The secret stays in the SDK's closure. */
export function dialogClient(input: DialogClientInput, opts: DialogClientOptions = {}): PivotkitClient {
  if (!isRegion(input.region)) throw new TypeError(`unknown region ${String(input.region)}`);
  return createClient({
    baseUrls: hostsFor(input.region, opts.baseUrls),
    credentials: { clientId: input.clientId, clientSecret: input.clientSecret },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.cache === false ? { cache: false as const } : {}),
  });
}

/**
 * After a region refused the credentials: the other region whose token endpoint accepts them, if one does.
 * Only regions on other hosts are asked (with one region everywhere there is nothing to learn), with no cache,
 * and each probe's token is dropped at once.
 */
export async function regionAccepting(
  input: DialogClientInput,
  opts: DialogClientOptions & { signal?: AbortSignal } = {},
): Promise<Region | undefined> {
  const tried = new Set([hostsFor(input.region, opts.baseUrls).visibility]);
  for (const region of REGION_ORDER) {
    const host = hostsFor(region, opts.baseUrls).visibility;
    if (tried.has(host)) continue;
    tried.add(host);
    const probe = dialogClient({ ...input, region }, { ...opts, cache: false });
    try {
      await probe.signIn({ signal: opts.signal });
      return region;
    } catch {
      // Refused there too (or unreachable): try the next one.
    } finally {
      probe.signOut();
    }
  }
  return undefined;
}
