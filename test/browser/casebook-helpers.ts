// Shared by the casebook's browser tests.
import { createClient, type PivotkitApiClient } from '@pivotkit/sdk';
import { DEMO_CREDENTIALS, emulatorUrl } from '../helpers/emulator.js';

/** A client of the emulator; `scope` asks for fewer scopes than the demo client has. */
export async function emulatorClient(scope?: string): Promise<PivotkitApiClient> {
  const url = await emulatorUrl();
  const base = { baseUrls: { visibility: url, privateIntel: url }, cache: false as const, retry: 0 };
  if (!scope) return createClient({ ...base, credentials: DEMO_CREDENTIALS });
  return createClient({
    ...base,
    tokenProvider: async () => {
      const res = await fetch(`${url}/iroh/oauth2/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.clientId}:${DEMO_CREDENTIALS.clientSecret}`)}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
      });
      return (await res.json()) as { access_token: string; scope: string; expires_in: number };
    },
  });
}
