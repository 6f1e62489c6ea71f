// What the ribbon apps' stories share: the page's session set to a client of the in-page emulator (msw, started by
// .storybook/preview.ts), in the state a story shows. Story code only.
import { createClient, createOrbitalClient, type OrbitalClient, type PivotkitClient } from '@pivotkit/sdk';
import { currentCase, session } from '@pivotkit/elements';

export type SessionKind = 'signed-out' | 'signed-in' | 'error' | 'missing-scope';

const base = () => ({ visibility: location.origin, privateIntel: location.origin });

async function token(scope?: string): Promise<{ access_token: string; expires_in: number; scope: string }> {
  const res = await fetch(`${location.origin}/iroh/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa('demo-client:demo-secret')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
  });
  return (await res.json()) as { access_token: string; expires_in: number; scope: string };
}

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
          baseUrls: base(),
          credentials: { clientId: 'demo-client', clientSecret: 'wrong' },
          cache: false,
        })
      : kind === 'missing-scope'
        ? createClient({ baseUrls: base(), cache: false, tokenProvider: () => token(scope) })
        : createClient({
            baseUrls: base(),
            credentials: { clientId: 'demo-client', clientSecret: 'demo-secret' },
            cache: false,
          });
  session.setClient(client);
  await session.signIn();
  return client;
}

/** An Orbital client of the in-page emulator. */
export function emulatorOrbital(): OrbitalClient {
  return createOrbitalClient({
    baseUrl: `${location.origin}/v0`,
    tokenProvider: async () => (await token()).access_token,
  });
}
