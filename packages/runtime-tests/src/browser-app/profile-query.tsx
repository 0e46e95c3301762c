// The TanStack Query recipe, as the README shows it: a generated loginkit client is an
// openapi-fetch client, so openapi-react-query turns it into typed hooks.
import { createPulseCrmClient, type PulseCrmClientOptions, type paths } from "@loginkit/pulse-crm";
import { QueryClient } from "@tanstack/react-query";
import createQueryHooks, { type OpenapiQueryClient } from "openapi-react-query";

export type PulseApi = OpenapiQueryClient<paths>;

/** The client, its typed hooks, and a QueryClient that leaves retrying to the client. */
export function createPulseQueries(options: PulseCrmClientOptions) {
  const pulse = createPulseCrmClient(options);
  const api: PulseApi = createQueryHooks(pulse);
  const queryClient = new QueryClient({
    defaultOptions: {
      // The client already retried what is worth retrying (408, 429, 5xx, network errors, with
      // backoff and Retry-After) and renewed the token and replayed after a 401: what reaches
      // Query is final. Query's own retry (3 by default) would multiply every failed attempt.
      queries: { retry: false },
    },
  });
  return { pulse, api, queryClient };
}

/** What one render of `Profile` showed, recorded by the test. */
export interface ProfileState {
  readonly status: "pending" | "error" | "success";
  readonly fetchStatus: "fetching" | "paused" | "idle";
  readonly email: string | undefined;
  readonly failed: boolean;
}

/** The signed-in user's profile: signs in on first use, renews the token unseen. */
export function Profile({
  api,
  onRender,
}: {
  api: PulseApi;
  onRender?: (state: ProfileState) => void;
}) {
  const session = api.useQuery("get", "/auth/session");
  onRender?.({
    status: session.status,
    fetchStatus: session.fetchStatus,
    email: session.data?.email,
    failed: session.error !== null,
  });
  if (session.isPending) return <p>Loading…</p>;
  if (session.isError) return <p role="alert">Could not load your profile.</p>;
  return <p>Signed in as {session.data.email}</p>;
}
