// Which SDK clients were made from credentials typed into the sign-in dialog (or restored from saved ones): they
// hold the secret, so sign-out drops them. A module of its own so that the ribbon can ask without loading the
// dialog and the SDK client factory.
import type { PivotkitClient } from '@pivotkit/sdk';

const madeHere = new WeakSet<PivotkitClient>();

/** Marks a client as holding a typed (or restored) secret. */
export function markDialogClient(client: PivotkitClient): void {
  madeHere.add(client);
}

/** Whether the session's client was made by the sign-in dialog (or restored from saved credentials). */
export function isDialogClient(client: PivotkitClient | undefined): boolean {
  return !!client && madeHere.has(client);
}
