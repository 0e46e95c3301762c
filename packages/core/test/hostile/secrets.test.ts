import { afterAll, expect, test } from "vitest";
import {
  AuthenticationError,
  createProviderClient,
  HttpError,
  LoginkitError,
  type SessionEvent,
} from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { networkFault, statusFault } from "../helpers/fake-provider.js";
import { orgLike, veroLike } from "../helpers/fixtures.js";
import { answer } from "../helpers/hostile-bodies.js";
import {
  captureError,
  expectNoLeakedSecrets,
  findLeakedSecret,
  recordOutput,
  rememberSecret,
  secretForms,
  serialiseForLogs,
} from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

/** A password with every character an encoding changes: quotes, backslash, space, plus, slash. */
const HOSTILE_PASSWORD = rememberSecret('Ada "q" \\ b+p/s é-PASSWORD~?>');
const credentials = { email: "ada@example.com", password: HOSTILE_PASSWORD };

function echoing(status: number, contentType: string, text: string): typeof fetch {
  return async () => answer(text, status, contentType);
}

const forms = secretForms(HOSTILE_PASSWORD);
const FORMS = [
  ["JSON-escaped", JSON.stringify(HOSTILE_PASSWORD).slice(1, -1)],
  ["URL-encoded with %20", encodeURIComponent(HOSTILE_PASSWORD)],
  ["form-encoded with +", new URLSearchParams({ p: HOSTILE_PASSWORD }).toString().slice(2)],
  ["base64", Buffer.from(HOSTILE_PASSWORD).toString("base64")],
  ["url-safe base64", Buffer.from(HOSTILE_PASSWORD).toString("base64url")],
] as const;

test("the forms under test really differ from the password", () => {
  expect(new Set(FORMS.map(([, form]) => form)).size).toBe(FORMS.length);
  for (const [, form] of FORMS) expect(forms).toContain(form);
  recordOutput({ checked: forms.length });
});

test.each(FORMS)(
  "a refusal that echoes the password %s keeps it out of the AuthenticationError",
  async (_name, form) => {
    const client = createProviderClient(veroLike, {
      credentials,
      fetch: echoing(
        401,
        "application/json",
        JSON.stringify({ message: `bad password ${form} for ada` }),
      ),
    });
    const error = await captureError(client.signIn());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain("bad password [redacted] for ada");
    expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
  },
);

test.each(FORMS)(
  "an error page that echoes the password %s keeps it out of HttpError.body and toJSON()",
  async (_name, form) => {
    const client = createProviderClient(veroLike, {
      credentials,
      retry: false,
      fetch: echoing(422, "text/plain", `you sent password=${form}; that will not do`),
    });
    const error = (await captureError(client.signIn())) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.body).toBe("you sent password=[redacted]; that will not do");
    expect(findLeakedSecret(JSON.stringify(error.toJSON()))).toBeUndefined();
  },
);

test("a password echoed inside a Basic authorization value (base64 of user:password) is scrubbed", async () => {
  const basic = Buffer.from(`ada@example.com:${HOSTILE_PASSWORD}`).toString("base64");
  const client = createProviderClient(veroLike, {
    credentials,
    retry: false,
    fetch: echoing(400, "text/plain", `rejected Authorization: Basic ${basic}`),
  });
  const error = (await captureError(client.signIn())) as HttpError;
  expect(error.body).not.toContain(basic);
  expect(error.body).not.toContain(basic.slice(24, 40));
});

test("an opaque token in a query parameter named t is redacted in the retry event", async () => {
  const events: SessionEvent[] = [];
  const { client, provider } = setup("pulse", {
    retry: { limit: 1, baseDelay: 0, jitter: false },
    onEvent: (event) => events.push(recordOutput(event)),
  });
  const token = await client.getAccessToken();
  provider.faults.push(statusFault(503));
  await client.fetch(`${provider.origin}/contacts?t=${token}&page=2`);
  const retry = events.find((event) => event.type === "retry");
  expect(retry).toBeDefined();
  expect(JSON.stringify(retry)).not.toContain(token);
  expect(retry && "request" in retry ? retry.request.url : "").toContain("page=2");
});

test("a token in a path segment is redacted from the error's URL", async () => {
  const { client, provider } = setup("pulse", { retry: false });
  const token = await client.getAccessToken();
  provider.faults.push(networkFault);
  const error = (await captureError(
    client.fetch(`${provider.origin}/files/${token}/download`),
  )) as LoginkitError;
  expect(error).toBeInstanceOf(LoginkitError);
  expect(error.request?.url).toBe(`${provider.origin}/files/[redacted]/download`);
  expect(error.message).not.toContain(token);
});

test("a URL with user info given to client.fetch rejects with a typed error that does not show it", async () => {
  const { client, provider } = setup("vero");
  const error = await captureError(
    client.fetch(`https://ada:${HOSTILE_PASSWORD.replace(/[^\w-]/g, "")}@vero.test/api/orders`),
  );
  rememberSecret(HOSTILE_PASSWORD.replace(/[^\w-]/g, ""));
  expect(error).toBeInstanceOf(LoginkitError);
  expect(provider.requests).toHaveLength(0);
});

test("an invalid header given to client.fetch rejects with a typed error that does not quote it", async () => {
  const { client } = setup("vero");
  const value = `${rememberSecret("user-token-HEADER-SECRET")}\nX-Evil: 1`;
  const error = await captureError(
    client.fetch("https://vero.test/api/orders", { headers: { "x-user-token": value } }),
  );
  expect(error).toBeInstanceOf(LoginkitError);
});

test("a raw error from a custom transport is wrapped, its message and cause chain scrubbed", async () => {
  const { client } = setup("pulse", {
    credentials: { email: "ada@example.com", password: HOSTILE_PASSWORD },
    retry: false,
    fetch: async () => {
      throw new Error(`proxy refused body {"password":${JSON.stringify(HOSTILE_PASSWORD)}}`, {
        cause: new RangeError(`while sending ${encodeURIComponent(HOSTILE_PASSWORD)}`),
      });
    },
  });
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(LoginkitError);
  expect((error as Error).name).toBe("NetworkError");
  const cause = (error as Error).cause as Error;
  expect(cause.message).toContain("[redacted]");
  expect((cause.cause as Error).name).toBe("RangeError");
});

test("a refresh answer that echoes the refresh token base64-encoded keeps it out of the error", async () => {
  const { client, provider } = setup("org", { retry: false });
  await client.signIn();
  const refreshToken = "refresh-0-REFRESH";
  provider.faults.push(() =>
    answer(
      JSON.stringify({ message: `token ${Buffer.from(refreshToken).toString("base64")} unknown` }),
      400,
    ),
  );
  const error = await captureError(client.renew());
  expect(error).toBeInstanceOf(LoginkitError);
  expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
});

test("credentials that cannot be written as JSON fail with a typed error, not a raw TypeError", async () => {
  const client = createProviderClient(orgLike, {
    baseUrl: "https://org.test",
    organizationId: "org-9",
    credentials: { username: "ada", password: 10n as unknown as string },
    fetch: async () => new Response(null, { status: 500 }),
  });
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(LoginkitError);
  expect((error as Error).name).toBe("ConfigurationError");
});
