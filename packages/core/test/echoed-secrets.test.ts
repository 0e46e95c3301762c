import { afterAll, expect, test } from "vitest";
import { AuthenticationError, createProviderClient, HttpError } from "../src/index.js";
import { orgLike, veroLike } from "./helpers/fixtures.js";
import {
  captureError,
  expectNoLeakedSecrets,
  PASSWORD,
  rememberSecret,
} from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

/** A provider that answers every request with `status` and `body`, whatever it was sent. */
function echoingProvider(status: number, body: unknown): typeof fetch {
  return async () => Response.json(body, { status });
}

test("a provider that repeats the password in its refusal does not put it in the AuthenticationError", async () => {
  const client = createProviderClient(veroLike, {
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: echoingProvider(401, {
      error: "invalid",
      message: `Wrong password ${PASSWORD} for ada`,
    }),
  });
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as Error).message).toContain("Wrong password [redacted] for ada");
});

test("an error body that echoes the password under an innocent key is scrubbed in HttpError.body", async () => {
  const client = createProviderClient(veroLike, {
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: echoingProvider(422, { errors: [{ field: "password", value: PASSWORD }] }),
    retry: false,
  });
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).body).toEqual({
    errors: [{ field: "password", value: "[redacted]" }],
  });
});

test("an access token that cannot go in a header fails without retries and without showing it", async () => {
  const badToken = rememberSecret("abc\ndef-SECRET-token");
  const client = createProviderClient(orgLike, {
    baseUrl: "https://org.test",
    organizationId: "org-9",
    credentials: { password: PASSWORD },
    fetch: echoingProvider(200, { access_token: badToken, refresh_token: "r-1234" }),
  });
  const error = await captureError(client.fetch("https://org.test/users"));
  expect((error as Error).name).toBe("ProtocolError");
  expect((error as Error).message).toMatch(/cannot be sent in a header/);
});
