import { createBrowserTokenStore } from "@loginkit/browser-store";
import { createVeroOmsClient } from "@loginkit/vero-oms";
import { QueryClient } from "@tanstack/react-query";
import createClient from "openapi-fetch";
import createQueryHooks from "openapi-react-query";
import type { paths } from "./account-api.js";
import { credentialsForSignIn, forgetCredentials } from "./password-prompt.js";

/** Where Vero is: `VITE_VERO_BASE_URL` at build time, else `loginkit simulate vero-oms --port 4010`. */
export const veroBaseUrl: string = import.meta.env.VITE_VERO_BASE_URL ?? "http://127.0.0.1:4010";

/** Shared by every tab of this origin: one sign-in, one renewal per expiry, one sign-out. */
export const tokenStore = createBrowserTokenStore({ storage: "memory" });
/** The key this app's session has in the store (core's default key, spelled out to watch it). */
export const sessionKey = `vero-oms:${veroBaseUrl}`;

export const vero = createVeroOmsClient({
  baseUrl: veroBaseUrl,
  credentials: credentialsForSignIn,
  tokenStore,
  storeKey: sessionKey,
});

// Signed out, here or in another tab (`elsewhere`): the password typed in this tab is forgotten
// at once, in the same turn the client drops the session, so no call of this tab signs in again
// with it before the page shows the sign-in form.
vero.onEvent(() => forgetCredentials(), { types: ["signed-out"] });

/** Your API's typed hooks, riding on Vero's authenticated fetch (signs in, renews, replays). */
export const api = createQueryHooks(
  createClient<paths>({ baseUrl: veroBaseUrl, fetch: vero.fetch }),
);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The client already retried transient failures and renewed after a 401: what reaches
      // Query is final, so Query must not retry it on top.
      retry: false,
      // A tab that only gains focus should not renew a session (and ask for the password); it
      // refetches when the store says the session changed (see use-shared-session.ts).
      refetchOnWindowFocus: false,
    },
  },
});

// The memory store lives in this tab; closing it lets the other tabs keep the session.
window.addEventListener("pagehide", () => tokenStore.close());
