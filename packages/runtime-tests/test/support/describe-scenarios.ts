import type { SimulatorOptions } from "@loginkit/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ScenarioFixture,
  startScenarioFixture,
} from "../../src/harness/start-scenario-fixture.js";
import type {
  ScenarioConfig,
  ScenarioName,
  ScenarioResults,
} from "../../src/in-runtime/scenario-types.js";
import type { credentialScope } from "../../src/in-runtime/scenarios/credential-scope.js";
import type { recoverPassword } from "../../src/in-runtime/scenarios/recovery.js";
import type { redirect } from "../../src/in-runtime/scenarios/redirect.js";
import type { renewByRefresh, renewBySignIn } from "../../src/in-runtime/scenarios/renewal.js";
import type { signIn } from "../../src/in-runtime/scenarios/sign-in.js";
import {
  concurrentCalls,
  type singleFlight,
} from "../../src/in-runtime/scenarios/single-flight.js";

export interface RuntimeUnderTest {
  /** As shown in test names: "Bun 1.4.5", "Chromium". */
  readonly name: string;
  /** Runs every scenario of `config` in the runtime, once, and returns what it observed. */
  run(config: ScenarioConfig): Promise<ScenarioResults>;
  /** A browser: `Cookie` is forbidden, manual redirects are opaque, CORS applies. */
  readonly browser?: boolean;
  readonly simulatorOptions?: SimulatorOptions;
  /** Releases what `run` needs beyond the fixture (a browser, say). */
  close?(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: any scenario function, whatever it takes.
type ScenarioFunction = (...args: any[]) => Promise<unknown>;

/** Credential headers of the scenarios' clients: none may reach another origin. */
const credentialHeaders = ["authorization", "organization_id", "x-tenant-secret", "cookie"];

/**
 * The same scenarios, asserted the same way, for each runtime: the runtime runs them all once
 * (beforeAll), then each test checks one scenario's observations and what its simulator saw.
 */
export function describeScenarios(runtime: () => Promise<RuntimeUnderTest>) {
  let fixture: ScenarioFixture | undefined;
  let under: RuntimeUnderTest | undefined;
  let results: ScenarioResults = {};

  beforeAll(async () => {
    under = await runtime();
    fixture = await startScenarioFixture(under.simulatorOptions);
    results = await under.run(fixture.config);
  });
  afterAll(async () => {
    try {
      await fixture?.close();
    } finally {
      await under?.close?.();
    }
  });

  /** A scenario's observations, or a failure naming the runtime and the error it met. */
  function observed<S extends ScenarioFunction>(name: ScenarioName): Awaited<ReturnType<S>> {
    const outcome = results[name];
    if (outcome === undefined) throw new Error(`${under?.name} reported nothing for ${name}`);
    if (!outcome.ok) {
      throw new Error(
        `${name} failed in ${under?.name}: ${outcome.error.name}: ${outcome.error.message}`,
      );
    }
    return outcome.observed as Awaited<ReturnType<S>>;
  }
  const simulator = (name: ScenarioName) => fixture!.simulators[name];
  const accountOf = (name: ScenarioName) => simulator(name).accounts[0]?.name;
  const isBrowser = () => under?.browser === true;

  describe("scenarios", () => {
    test("signs in, then makes a protected call with the token it got", () => {
      const seen = observed<typeof signIn>("sign-in");
      expect(seen.receivedJwt).toBe(true);
      expect(seen.protected).toMatchObject({ status: 200, account: accountOf("sign-in") });
      expect(simulator("sign-in").stats.signIns).toBe(1);
    });

    test("a token the provider rejects with 401 is renewed by signing in again, and the call replayed", () => {
      const seen = observed<typeof renewBySignIn>("renewal-by-sign-in");
      expect(seen.before.status).toBe(200);
      expect(seen.after.status).toBe(200);
      expect(seen.after.tokenId).not.toBe(seen.before.tokenId);
      const sim = simulator("renewal-by-sign-in");
      expect(sim.stats.signIns).toBe(2);
      expect(sim.requests.map((request) => request.status)).toContain(401);
    });

    test("an expired token is renewed with the refresh token, input headers kept on the replay", () => {
      const seen = observed<typeof renewByRefresh>("renewal-by-refresh");
      expect([seen.before.status, seen.after.status]).toEqual([200, 200]);
      expect(seen.after.tokenId).not.toBe(seen.before.tokenId);
      const sim = simulator("renewal-by-refresh");
      expect({ signIns: sim.stats.signIns, refreshes: sim.stats.refreshes }).toEqual({
        signIns: 1,
        refreshes: 1,
      });
      const protectedCalls = sim.requests.filter(
        (request) => request.path === "/__loginkit/protected",
      );
      expect(protectedCalls.map((request) => request.status)).toEqual([200, 401, 200]);
      for (const call of protectedCalls) expect(call.headers.organization_id).toBe("org-7");
    });

    test(`${concurrentCalls} concurrent calls share one sign-in, and one renewal after expiry`, () => {
      const seen = observed<typeof singleFlight>("single-flight");
      for (const burst of [seen.first, seen.afterExpiry]) {
        expect(burst.map((answer) => answer.status)).toEqual(Array(concurrentCalls).fill(200));
        expect(new Set(burst.map((answer) => answer.tokenId)).size).toBe(1);
      }
      expect(seen.afterExpiry[0]?.tokenId).not.toBe(seen.first[0]?.tokenId);
      expect(simulator("single-flight").stats.signIns).toBe(2);
    });

    test("a call to another origin carries no credential header, nor asks to send one", () => {
      const seen = observed<typeof credentialScope>("credential-scope");
      expect(seen.own.status).toBe(200);
      expect(seen.elsewhereStatus).toBe(200);
      const received = fixture!.elsewhere.requests.filter((request) =>
        request.path.startsWith("/credential-scope"),
      );
      expect(received.filter((request) => request.method === "GET")).toHaveLength(1);
      expectNoCredentials(received);
    });

    test("a redirect on the provider's origin keeps the token; one to another origin drops it", () => {
      const seen = observed<typeof redirect>("redirect");
      expect(seen.moved).toMatchObject({ status: 200, account: accountOf("redirect") });
      expect(seen.away.status).toBe(200);
      const received = fixture!.elsewhere.requests;
      const redirected = received.filter((request) => request.path === "/redirected-here");
      expect(redirected.filter((request) => request.method === "GET")).toHaveLength(1);
      expectNoCredentials(redirected);
      // A 307 would re-send the body off the provider's origins: handed back, never followed.
      expect(received.filter((request) => request.path === "/redirected-with-body")).toEqual([]);
      // A browser hides a manual redirect's target: the caller gets the opaque redirect itself.
      if (isBrowser()) expect(seen.withBody).toEqual({ status: 0, type: "opaqueredirect" });
      else expect(seen.withBody.status).toBe(307);
      expect(simulator("redirect").stats.signIns).toBe(1);
    });

    test("Vero's password recovery with the client's cookie jar (outside browsers)", () => {
      const seen = observed<ReturnType<typeof recoverPassword>>("recovery-with-jar");
      expect(seen.started).toEqual({ status: "code_sent" });
      if (isBrowser()) {
        // `Cookie` is a forbidden header and a cross-origin fetch keeps no cookie by default:
        // without `credentials: "include"` the recovery session is lost after its first call.
        expect(seen.verifiedStatus).toBeGreaterThanOrEqual(400);
        return;
      }
      expectRecovered(seen, "recovery-with-jar");
    });

    test(`Vero's password recovery with a client whose fetch sets credentials: "include" (the browser's way)`, () => {
      const seen = observed<ReturnType<typeof recoverPassword>>("recovery-with-include");
      expect(seen.started).toEqual({ status: "code_sent" });
      expectRecovered(seen, "recovery-with-include");
    });
  });

  function expectRecovered(
    seen: Awaited<ReturnType<ReturnType<typeof recoverPassword>>>,
    name: ScenarioName,
  ) {
    expect(seen).toMatchObject({
      verifiedStatus: 200,
      verified: { status: "verified" },
      resetSignedIn: true,
      newPasswordSignsIn: true,
    });
    // The simulator's account now has the password the scenario chose.
    expect(simulator(name).accounts[0]?.credentials.password).toMatch(/^new-password-/);
  }
}

function expectNoCredentials(
  requests: readonly { method: string; headers: Record<string, string | string[] | undefined> }[],
) {
  for (const request of requests) {
    const names = Object.keys(request.headers).map((name) => name.toLowerCase());
    for (const header of credentialHeaders) expect(names, request.method).not.toContain(header);
    const asked = String(request.headers["access-control-request-headers"] ?? "").toLowerCase();
    for (const header of credentialHeaders) expect(asked, "preflight").not.toContain(header);
  }
}
