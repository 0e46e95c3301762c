import type { StoredSession } from "@loginkit/core";
import { useEffect, useState } from "react";
import { queryClient, sessionKey, tokenStore } from "./loginkit.js";
import { forgetCredentials } from "./password-prompt.js";

export type SharedSession =
  | { readonly state: "loading" }
  | { readonly state: "signed-out" }
  | { readonly state: "signed-in"; readonly expiresAt: number | undefined };

function describe(session: StoredSession | undefined): SharedSession {
  return session === undefined
    ? { state: "signed-out" }
    : { state: "signed-in", expiresAt: session.expiresAt };
}

/**
 * The session every tab shares, as the store has it: signed in, renewed or signed out in any tab,
 * it changes here too. A new session refetches this tab's queries; a sign-out drops them.
 */
export function useSharedSession(): SharedSession {
  const [session, setSession] = useState<SharedSession>({ state: "loading" });
  useEffect(() => {
    let current = true;
    let seen = "";
    const show = (next: SharedSession) => {
      // The store also speaks when a renewal lease is released: refetch only on a new session.
      const key = JSON.stringify(next);
      if (!current || key === seen) return;
      seen = key;
      setSession(next);
      if (next.state === "signed-out") {
        // Signed out in some tab: this tab drops its data instead of refetching it, and forgets
        // the password (the client's signed-out event did so already when this tab held the
        // session, see loginkit.ts; not when it was signing in meanwhile).
        forgetCredentials();
        queryClient.removeQueries();
      } else {
        void queryClient.invalidateQueries();
      }
    };
    const read = () =>
      tokenStore.get(sessionKey).then(
        (stored) => show(describe(stored)),
        () => show({ state: "signed-out" }),
      );
    const unsubscribe = tokenStore.subscribe(sessionKey, () => void read());
    void read();
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);
  return session;
}
