import {
  createProviderClient,
  type ProviderClientOptions,
  type SessionEvent,
} from "../../src/index.js";
import { type FakeKind, FakeProvider } from "./fake-provider.js";
import { enadLike, orgLike, pulseLike, veroLike } from "./fixtures.js";
import { PASSWORD, recordOutput } from "./secrets.js";

const DESCRIPTIONS = { vero: veroLike, enad: enadLike, org: orgLike, pulse: pulseLike };
const INPUTS: Record<FakeKind, Record<string, string>> = {
  vero: {},
  enad: { appId: "app-1" },
  org: { organizationId: "org-9" },
  pulse: {},
};

type Options = ProviderClientOptions<unknown> & Record<string, unknown>;

/** A client of `kind` wired to a fresh fake provider; events are kept for the leak check. */
export function setup(kind: FakeKind, options: Options = {}, provider = new FakeProvider(kind)) {
  const events: SessionEvent[] = [];
  const client = createProviderClient(DESCRIPTIONS[kind], {
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: provider.fetch,
    retry: { jitter: false },
    ...INPUTS[kind],
    ...options,
    onEvent: (event) => {
      // Every event is checked for leaks; `events` keeps the session's, which tests compare in
      // order (the per-request ones have a test of their own: request-events.test.ts).
      const recorded = recordOutput(event);
      if (!event.type.startsWith("request-")) events.push(recorded);
      options.onEvent?.(event);
    },
  });
  return { client, provider, events, url: (path: string) => `${provider.origin}${path}` };
}
