import type { VeroOmsCredentials } from "@loginkit/vero-oms";

/**
 * Vero has no refresh token: it renews a session by signing in again, so the tab that renews
 * needs the password. The tab where the user typed it keeps it in memory (never in storage, never
 * sent to another tab); any other tab that has to renew asks the user here.
 */
let typedHere: VeroOmsCredentials | undefined;
let pending: ((credentials: VeroOmsCredentials) => void) | undefined;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/** The credentials function given to the client: called at each sign-in. */
export function credentialsForSignIn(): Promise<VeroOmsCredentials> {
  if (typedHere) return Promise.resolve(typedHere);
  return new Promise((resolve) => {
    pending = resolve;
    notify();
  });
}

/** The user typed their credentials in this tab (the sign-in form). */
export function rememberCredentials(credentials: VeroOmsCredentials): void {
  typedHere = credentials;
  const waiting = pending;
  pending = undefined;
  waiting?.(credentials);
  notify();
}

export function forgetCredentials(): void {
  typedHere = undefined;
  notify();
}

/** True while a renewal in this tab waits for the user's password. */
export const isPasswordRequested = () => pending !== undefined;

export function subscribeToPasswordRequests(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
