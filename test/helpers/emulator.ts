// Browser-side access to the emulator process that web-test-runner.config.mjs starts (test/emulator-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

let cached: Promise<string> | undefined;

/** Base URL of the running emulator, e.g. `http://127.0.0.1:40123` (serves both /iroh and /ctia). */
export function emulatorUrl(): Promise<string> {
  cached ??= executeServerCommand<string, undefined>('pk-emulator-url') as Promise<string>;
  return cached;
}

/**
 * Calls the emulator's control endpoint `POST /__control/<action>`:
 * - `faults` with `{latencyMs, errorRate, errorStatus, rateLimitRate, retryAfter, malformedRate, invalidItemRate, dropRate, paths, count, seed}`
 *   (`{}` turns faults off; see packages/server/README.md),
 * - `reset` (back to the seeded data and no faults; tokens stay valid unless the body is `{rotateKey: true}`),
 * - `clock` with `{advanceMs}` (moves the emulator's clock: token expiry, timestamps).
 * The emulator process is shared by every browser test file: undo what you change.
 */
export function emulatorControl(action: string, body?: unknown): Promise<{ status: number; body: string }> {
  return executeServerCommand('pk-emulator-control', { action, body }) as Promise<{ status: number; body: string }>;
}

/** The emulator's built-in demo client, which has every scope. */
export const DEMO_CREDENTIALS = { clientId: 'demo-client', clientSecret: 'demo-secret' } as const;

/** The emulator's module instance ids (packages/server/src/emulator/intel.ts), for the `mids` setting. */
export const MODULE_IDS = {
  reputation: '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e01', // Reputation Feed
  dns: '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e02', // DNS Shield
  endpoint: '7d0c3f1e-5a2b-4c1d-9e8f-1a2b3c4d5e03', // Endpoint Guard
} as const;
