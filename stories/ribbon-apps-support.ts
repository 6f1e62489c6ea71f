// What the ribbon apps' stories share: the page's session set to a client of the in-page emulator (msw, see
// support/emulator.ts), in the state a story shows. Story code only.
import { createClient, createOrbitalClient, type OrbitalClient, type PivotkitClient } from '@pivotkit/sdk';
import { currentCase, session } from '@pivotkit/elements';
import { DEMO, baseUrls, demoToken } from './support/emulator.js';

export type SessionKind = 'signed-out' | 'signed-in' | 'error' | 'missing-scope';

/** Puts the page's session in a state; `scope` narrows the token for `missing-scope`. */
export async function useSession(kind: SessionKind, scope = 'casebook'): Promise<PivotkitClient | undefined> {
  currentCase.set(null);
  if (kind === 'signed-out') {
    session.setClient(undefined);
    return undefined;
  }
  const client =
    kind === 'error'
      ? createClient({
          baseUrls: baseUrls(),
          credentials: { clientId: DEMO.clientId, clientSecret: 'wrong' },
          cache: false,
        })
      : kind === 'missing-scope'
        ? createClient({ baseUrls: baseUrls(), cache: false, tokenProvider: () => demoToken(scope) })
        : createClient({ baseUrls: baseUrls(), credentials: DEMO, cache: false });
  session.setClient(client);
  await session.signIn();
  return client;
}

/** An Orbital client of the in-page emulator. */
export function emulatorOrbital(): OrbitalClient {
  return createOrbitalClient({
    baseUrl: `${location.origin}/v0`,
    tokenProvider: async () => (await demoToken()).access_token,
  });
}
