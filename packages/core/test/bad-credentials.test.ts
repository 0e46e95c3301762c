import { afterAll, expect, test } from "vitest";
import { AuthenticationError, HttpError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { statusFault } from "./helpers/fake-provider.js";
import { API_SECRET, captureError, expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const wrong = {
  credentials: { email: "ada@example.com", password: "wrong-pw", apiSecret: API_SECRET },
};

test.each([
  ["vero", "https://vero.test/api/orders", 401, "INVALID_CREDENTIALS"],
  ["enad", "https://api.enad.test/api/v1/app-1/devices", 400, "invalid_grant"],
  ["pulse", "https://pulse.test/contacts", 403, "BAD_LOGIN"],
] as const)(
  "bad credentials on %s throw AuthenticationError with the provider's code, signing in once",
  async (kind, url, status, code) => {
    const { client, provider, events } = setup(kind, wrong);
    const error = await captureError(client.fetch(url));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status, code, name: "AuthenticationError" });
    expect(provider.signIns).toBe(1);
    expect(provider.requests).toHaveLength(1);
    expect(events.map((event) => event.type)).toEqual(["auth-failed"]);
    expect(events[0]).toMatchObject({ code, status });
  },
);

test("the error carries the provider's message and the sign-in request, never the body", async () => {
  const { client } = setup("vero", wrong);
  const error = (await captureError(client.signIn())) as AuthenticationError;
  expect(error.message).toContain("Wrong email or password");
  expect(error.request).toEqual({ method: "POST", url: "https://vero.test/api/auth/login" });
  expect(JSON.stringify(error)).not.toContain("wrong-pw");
});

test("a sign-in that keeps failing with 503 throws HttpError after the retries", async () => {
  const { client, provider } = setup("vero", { retry: { limit: 1, baseDelay: 0, jitter: false } });
  provider.faults.push(statusFault(503), statusFault(503));
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(HttpError);
  expect(error).toMatchObject({ status: 503 });
  expect(provider.signIns).toBe(0);
  expect(provider.requests).toHaveLength(2);
});

test("no credentials at all is a clear configuration error", async () => {
  const { client } = setup("vero", { credentials: undefined });
  await expect(captureError(client.signIn())).resolves.toHaveProperty("name", "ConfigurationError");
});
