import { createEnadClient } from "@loginkit/enad";
import { createOrgPlatformClient } from "@loginkit/org-platform";
import { createPulseCrmClient } from "@loginkit/pulse-crm";
import { startSimulator } from "@loginkit/testkit";
import { createVeroOmsClient, type VeroOmsCredentials } from "@loginkit/vero-oms";
import { describe, expectTypeOf, test } from "vitest";

// These tests are checked by `tsc` (the package's typecheck task): each `@ts-expect-error`
// fails the build if the line below it ever compiles. The calls never run.
const never = (): boolean => false;

describe("request bodies are typed from the specs", () => {
  test("a sign-in body without its password does not compile", () => {
    const vero = createVeroOmsClient();
    const org = createOrgPlatformClient({ baseUrl: "http://127.0.0.1" });
    if (never()) {
      // @ts-expect-error password is required
      void vero.POST("/api/auth/login", { body: { identifier: "jane@example.com" } });
      // @ts-expect-error password is required
      void org.POST("/auth/login", { body: { username: "maria" } });
    }
  });

  test("a number where Enad's password string goes does not compile", () => {
    const enad = createEnadClient({ appId: "3f2a6c1e-8b4d-4f6a-9c2e-1d5b7a9e0f13" });
    if (never()) {
      void enad.POST("/api/v1/{app_id}/auth/login", {
        params: { path: { app_id: "3f2a6c1e-8b4d-4f6a-9c2e-1d5b7a9e0f13" } },
        // @ts-expect-error password is a string
        body: { email: "shopper@example.com", password: 1234567890 },
      });
    }
  });

  test("an unknown body property does not compile, and sign-in is not a raw typed call", () => {
    const vero = createVeroOmsClient();
    if (never()) {
      // @ts-expect-error sign-in is the client's own call (`vero.signIn()`), not a typed operation
      void vero.operations.post_api_auth_login;
      void vero.operations.startPasswordRecovery({
        // @ts-expect-error phone is not a property of RecoveryStartRequest
        body: { email: "jane@example.com", phone: "1" },
      });
      // @ts-expect-error rememberMe is not a property of AuthLoginRequest
      void vero.signIn({ identifier: "jane@example.com", password: "secret", rememberMe: true });
    }
  });

  test("an Enad client without appId does not compile", () => {
    if (never()) {
      // @ts-expect-error appId is required
      createEnadClient({});
      // @ts-expect-error appId is required
      createEnadClient();
    }
  });

  test("org-platform, which lists no server, needs a base URL", () => {
    if (never()) {
      // @ts-expect-error baseUrl is required
      createOrgPlatformClient({});
    }
  });

  test("PulseCRM takes either an API key and secret or an email and password", () => {
    const pulse = createPulseCrmClient();
    if (never()) {
      void pulse.POST("/auth/login", { body: { apiKey: "pk", apiSecret: "sk" } });
      void pulse.POST("/auth/login", { body: { email: "ops@example.com", password: "secret" } });
      // @ts-expect-error apiSecret is required with apiKey
      void pulse.POST("/auth/login", { body: { apiKey: "pk" } });
    }
  });

  test("credentials are the sign-in body type", () => {
    if (never()) {
      // @ts-expect-error identifier, not email, is Vero's field
      createVeroOmsClient({ credentials: { email: "jane@example.com", password: "secret" } });
      createVeroOmsClient({
        credentials: async () => ({ identifier: "jane@example.com", password: "secret" }),
      });
    }
  });
});

describe("auth calls follow the spec", () => {
  test("refresh() exists only where the spec documents a refresh operation", () => {
    expectTypeOf(createOrgPlatformClient({ baseUrl: "http://127.0.0.1" }).refresh).toEqualTypeOf<
      () => Promise<void>
    >();
    // @ts-expect-error Vero documents no refresh endpoint
    void createVeroOmsClient().refresh;
  });
});

describe("the testkit hands out credentials a client accepts", () => {
  test("startSimulator<Credentials> types its accounts for the client", async () => {
    if (never()) {
      const typed = await startSimulator<VeroOmsCredentials>("vero-oms");
      createVeroOmsClient({ baseUrl: typed.url, credentials: typed.accounts[0]?.credentials });
      const untyped = await startSimulator("vero-oms");
      // @ts-expect-error without the type parameter the credentials are a plain record
      createVeroOmsClient({ baseUrl: untyped.url, credentials: untyped.accounts[0]?.credentials });
    }
  });
});

describe("response data is typed from the specs", () => {
  test("sign-in data has the documented token fields", async () => {
    const vero = createVeroOmsClient();
    if (never()) {
      const { data, error } = await vero.POST("/api/auth/login", {
        body: { identifier: "a@b.c", password: "p" },
      });
      expectTypeOf(data?.jwt).toEqualTypeOf<string | undefined>();
      expectTypeOf(data?.session.expires_at).toEqualTypeOf<string | undefined>();
      expectTypeOf(error?.error).toEqualTypeOf<string | undefined>();
      const session = await createPulseCrmClient().session();
      expectTypeOf(session.token).toEqualTypeOf<string>();
      const enad = await createEnadClient({ appId: "x" }).signIn();
      expectTypeOf(enad.expires_in).toEqualTypeOf<number | undefined>();
    }
  });

  test("per-call options ride in openapi-fetch's init, typed", () => {
    const vero = createVeroOmsClient();
    if (never()) {
      void vero.POST("/api/auth/recovery/start", {
        body: { email: "jane@example.com" },
        loginkit: { retry: false, timeout: 5_000, auth: "none" },
      });
      void vero.POST("/api/auth/recovery/start", {
        body: { email: "jane@example.com" },
        // @ts-expect-error auth is "none" or left out
        loginkit: { auth: "basic" },
      });
    }
  });
});
