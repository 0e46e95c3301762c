import type {
  PulseCrmClientOptions,
  PulseCrmCredentials,
  PulseCrmSessionData,
} from "@loginkit/pulse-crm";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import type { MethodResponse } from "openapi-react-query";
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from "vitest";
import {
  createPulseQueries,
  type ProfileState,
  type PulseApi,
} from "../src/browser-app/profile-query.js";
import type { TanstackQueryApp } from "../src/browser-app/tanstack-query-entry.js";
import { bundleApp } from "../src/harness/bundle-app.js";
import { type OpenApp, openAppInChromium } from "../src/harness/open-app-in-chromium.js";

declare const startApp: (options: PulseCrmClientOptions) => TanstackQueryApp;
declare let app: TanstackQueryApp;

/**
 * A provider's 503, with a JSON body as APIs send it. (openapi-react-query throws openapi-fetch's
 * parsed `error`; an error answer with no body at all has none, and reaches Query as `data: null`.)
 */
const unavailable = { status: 503, body: { message: "Service unavailable, retry later" } };

let page: OpenApp | undefined;
let simulator: Simulator<PulseCrmCredentials> | undefined;

/** The session calls the simulator answered from `since` on (its request log index). */
const sessionCalls = (since: number) =>
  simulator!.requests.slice(since).filter((request) => request.path === "/auth/session");
const rendersSince = (since: number) =>
  page!.evaluate((from) => Promise.resolve(app.renders.slice(from)), since);
const renderCount = () => page!.evaluate(() => Promise.resolve(app.renders.length), undefined);
/** Refetches, then waits (bounded) until the component has rendered the settled query. */
async function refetch() {
  await page!.evaluate(() => app.refetch(), undefined);
  await page!.page.waitForFunction(() => app.renders.at(-1)?.fetchStatus === "idle", undefined, {
    timeout: 10_000,
  });
}

beforeAll(async () => {
  const { script } = await bundleApp("browser-app/tanstack-query-entry.tsx", "browser", {
    "process.env.NODE_ENV": '"production"',
  });
  page = await openAppInChromium(script);
  simulator = await startSimulator<PulseCrmCredentials>("pulse-crm", { cors: [page.origin] });
  const credentials = simulator.accounts[0]?.credentials;
  await page.evaluate(
    (options) => {
      (globalThis as { app?: TanstackQueryApp }).app = startApp(options);
      return Promise.resolve();
    },
    { baseUrl: simulator.url, credentials },
  );
  await page.page.waitForFunction(
    () => app.renders.at(-1)?.status !== "pending" && app.renders.at(-1)?.fetchStatus === "idle",
    undefined,
    { timeout: 20_000 },
  );
});

afterAll(async () => {
  try {
    simulator?.assertNoViolations();
  } finally {
    await simulator?.close();
    await page?.close();
  }
});

describe("TanStack Query with openapi-react-query on a generated client, in Chromium", () => {
  test("the hooks are typed from the spec: data is the session's schema, paths are checked", () => {
    const { api } = createPulseQueries({ baseUrl: "http://127.0.0.1:9" });
    // Mutually assignable: openapi-fetch rebuilds the type, so it is equal but not identical.
    type SessionData = MethodResponse<PulseApi, "get", "/auth/session">;
    expectTypeOf<SessionData>().toExtend<PulseCrmSessionData>();
    expectTypeOf<PulseCrmSessionData>().toExtend<SessionData>();
    expectTypeOf<SessionData["email"]>().toEqualTypeOf<string>();
    const options = api.queryOptions("get", "/auth/session");
    expect(options.queryKey).toEqual(["get", "/auth/session"]);
    // @ts-expect-error: "/auth/sessions" is not a path of the PulseCRM spec.
    api.queryOptions("get", "/auth/sessions");
  });

  test("the component shows the profile after one sign-in", async () => {
    const renders = await rendersSince(0);
    expect(renders[0]?.status).toBe("pending");
    expect(renders.at(-1)).toMatchObject({ status: "success", failed: false });
    expect(await page!.evaluate(() => Promise.resolve(app.text()), undefined)).toMatch(
      /^Signed in as .+@.+/,
    );
    expect(simulator!.stats.signIns).toBe(1);
  });

  test("a token that expired between two fetches is renewed unseen: the component keeps its data", async () => {
    const [renders, requests] = [await renderCount(), simulator!.requests.length];
    simulator!.expireTokens();
    await refetch();
    const seen = await rendersSince(renders);
    expect(seen.length).toBeGreaterThan(0);
    for (const state of seen) expectShowingData(state);
    // The provider refused the old token once; the client signed in again and replayed.
    expect(sessionCalls(requests).map((call) => call.status)).toEqual([401, 200]);
    expect(simulator!.stats.signIns).toBe(2);
  });

  test("a transient 503 is retried by the client, not by Query, and never shown", async () => {
    const [renders, requests] = [await renderCount(), simulator!.requests.length];
    simulator!.inject(unavailable, { operationId: "getAuthSession" });
    await refetch();
    for (const state of await rendersSince(renders)) expectShowingData(state);
    expect(sessionCalls(requests).map((call) => call.status)).toEqual([503, 200]);
  });

  test("a lasting failure reaches Query once, after the client's own retries: 3 requests, not 12", async () => {
    const [renders, requests] = [await renderCount(), simulator!.requests.length];
    simulator!.inject(unavailable, { operationId: "getAuthSession", times: 10 });
    await refetch();
    // Client: 1 attempt + 2 retries. Query's default retry (3) on top would have made 12.
    expect(sessionCalls(requests).map((call) => call.status)).toEqual([503, 503, 503]);
    const seen = await rendersSince(renders);
    expect(seen.at(-1)).toMatchObject({ status: "error", failed: true });
    expect(await page!.evaluate(() => Promise.resolve(app.text()), undefined)).toBe(
      "Could not load your profile.",
    );
  });
});

/** A render that shows the profile: no spinner, no error, the data still there. */
function expectShowingData(state: ProfileState) {
  expect(state).toMatchObject({ status: "success", failed: false });
  expect(state.email).toEqual(expect.any(String));
}
