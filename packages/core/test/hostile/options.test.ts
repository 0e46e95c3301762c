import { afterAll, describe, expect, test } from "vitest";
import {
  ConfigurationError,
  CredentialsError,
  type CredentialsSchema,
  createProviderClient,
  type ProviderDescription,
} from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { FakeProvider } from "../helpers/fake-provider.js";
import { enadLike, pulseLike, veroLike } from "../helpers/fixtures.js";
import {
  captureError,
  expectNoLeakedSecrets,
  findLeakedSecret,
  PASSWORD,
  recordOutput,
  rememberSecret,
  serialiseForLogs,
} from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

/** Creating the client must throw a ConfigurationError naming `option`; it is returned. */
function refusedAtCreation(option: string, make: () => unknown): ConfigurationError {
  let caught: unknown;
  try {
    make();
  } catch (error) {
    caught = recordOutput(error);
  }
  expect(caught).toBeInstanceOf(ConfigurationError);
  expect((caught as ConfigurationError).option).toBe(option);
  expect((caught as Error).message).toContain(`\`${option}\``);
  return caught as ConfigurationError;
}

const vero = (options: Record<string, unknown>) =>
  createProviderClient(veroLike, { fetch: new FakeProvider("vero").fetch, ...options });

describe("baseUrl", () => {
  test.each(["not a url", "/api", "ftp://vero.test", "data:text/plain,x", 42, ""])(
    "%j is refused at creation",
    (baseUrl) => {
      refusedAtCreation("baseUrl", () => vero({ baseUrl }));
    },
  );

  test("a baseUrl with user info is refused without repeating the password", () => {
    const error = refusedAtCreation("baseUrl", () =>
      vero({ baseUrl: `https://ada:${PASSWORD}@vero.test/api` }),
    );
    expect(error.message).toMatch(/without user info/);
    expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
  });

  test("trustedOrigins entries must be http(s) URLs", () => {
    refusedAtCreation("trustedOrigins[1]", () =>
      vero({ trustedOrigins: ["https://ok.test", "nope"] }),
    );
  });
});

describe("timeout", () => {
  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 1.5, "100", true])(
    "%j is refused: it would make every attempt time out at once or never",
    (timeout) => {
      const error = refusedAtCreation("timeout", () => vero({ timeout }));
      expect(error.message).toMatch(
        /whole number of ms from 1 to 2147483647 \(or false for none\)/,
      );
    },
  );

  test.each([false, 1, 2 ** 31 - 1])("%j is accepted", (timeout) => {
    expect(() => vero({ timeout })).not.toThrow();
  });
});

describe("retry", () => {
  test.each([
    ["retry", true],
    ["retry", "3"],
    ["retry", -1],
    ["retry", Number.NaN],
    ["retry.limit", { limit: Number.NaN }],
    ["retry.limit", { limit: -2 }],
    ["retry.limit", { limit: 1.5 }],
    ["retry.statusCodes", { statusCodes: 503 }],
    ["retry.statusCodes", { statusCodes: [503, 1000] }],
    ["retry.methods", { methods: "GET" }],
    ["retry.methods", { methods: ["GET", "BAD METHOD"] }],
    ["retry.baseDelay", { baseDelay: Number.NaN }],
    ["retry.maxDelay", { maxDelay: -1 }],
    ["retry.budget", { budget: Number.POSITIVE_INFINITY }],
    ["retry.maxRetryAfter", { maxRetryAfter: "60s" }],
    ["retry.jitter", { jitter: "yes" }],
    ["retry.shouldRetry", { shouldRetry: true }],
  ] as const)("%s: %j is refused at creation", (option, retry) => {
    refusedAtCreation(option, () => vero({ retry }));
  });

  test("a NaN limit no longer turns into an unbounded retry loop", async () => {
    const provider = new FakeProvider("vero");
    expect(() =>
      createProviderClient(veroLike, { fetch: provider.fetch, retry: { limit: Number.NaN } }),
    ).toThrow(ConfigurationError);
    expect(provider.requests).toHaveLength(0);
  });
});

describe("numbers and callbacks", () => {
  test.each([
    ["renewBeforeExpiry", -1],
    ["renewBeforeExpiry", Number.NaN],
    ["storeTimeout", 0],
    ["storeTimeout", 2 ** 31],
    ["maxResponseBytes", 0],
    ["maxResponseBytes", Number.POSITIVE_INFINITY],
    ["maxErrorBodyBytes", -5],
    ["storeKey", ""],
    ["storeKey", 7],
    ["fetch", "https://vero.test"],
    ["onEvent", {}],
  ] as const)("%s: %j is refused at creation", (option, value) => {
    refusedAtCreation(option, () => vero({ [option]: value }));
  });

  test("a token store without delete is refused", () => {
    refusedAtCreation("tokenStore.delete", () =>
      vero({ tokenStore: { get: async () => undefined, set: async () => {} } }),
    );
  });

  test("a header option no runtime can send is refused, without quoting its value", () => {
    const value = rememberSecret("api-key-HEADER-OPTION-SECRET");
    const error = refusedAtCreation("headers", () =>
      vero({ headers: { "x-api-key": `${value}\r\nX-Evil: 1` } }),
    );
    expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
  });
});

describe("client inputs", () => {
  const enad = (appId: unknown) =>
    createProviderClient(enadLike, { fetch: new FakeProvider("enad").fetch, appId });

  test.each(["", ".", "..", "a/b", {}, [], true])(
    "appId %j is refused: it would build a different path",
    (appId) => {
      refusedAtCreation("appId", () => enad(appId));
    },
  );

  test("a path input with spaces or ? is sent encoded in its one segment", async () => {
    const provider = new FakeProvider("enad");
    const client = createProviderClient(enadLike, {
      fetch: provider.fetch,
      appId: "my app?x=1",
      credentials: { email: "ada@example.com", password: PASSWORD },
    });
    await client.signIn();
    expect(provider.requests[0]?.url).toBe(
      "https://auth.enad.test/api/v1/my%20app%3Fx%3D1/auth/login",
    );
  });

  test.each(["acct\r\nX-Evil: 1", "acct-\u{1F600}", " padded ", ""])(
    "accountId %j is refused: it cannot be sent as a header",
    (accountId) => {
      refusedAtCreation("accountId", () =>
        createProviderClient(pulseLike, { fetch: new FakeProvider("pulse").fetch, accountId }),
      );
    },
  );
});

describe("credentials against the spec's request schema", () => {
  const schema: CredentialsSchema = {
    type: "object",
    required: ["email", "password"],
    properties: {
      email: { type: "string", format: "email" },
      password: { type: "string", minLength: 10 },
    },
    additionalProperties: false,
  };
  const enadWithSchema: ProviderDescription = { ...enadLike, credentialsSchema: schema };
  const NINE = rememberSecret("nine-char");

  test("Enad's 9-character password is refused at creation, naming password and the rule", () => {
    const provider = new FakeProvider("enad");
    let caught: unknown;
    try {
      createProviderClient(enadWithSchema, {
        fetch: provider.fetch,
        appId: "app-1",
        credentials: { email: "ada@example.com", password: NINE },
      });
    } catch (error) {
      caught = recordOutput(error);
    }
    expect(caught).toBeInstanceOf(CredentialsError);
    expect(caught).toBeInstanceOf(ConfigurationError);
    expect(caught).toMatchObject({ field: "password", rule: "must be at least 10 characters" });
    expect((caught as Error).message).toBe(
      "Enad-like credentials: `password` must be at least 10 characters",
    );
    expect(provider.requests).toHaveLength(0);
  });

  test("credentials given to signIn() are checked before anything is sent", async () => {
    const provider = new FakeProvider("enad");
    const client = createProviderClient(enadWithSchema, { fetch: provider.fetch, appId: "app-1" });
    const error = await captureError(client.signIn({ email: "ada@example.com", password: NINE }));
    expect(error).toBeInstanceOf(CredentialsError);
    expect(provider.requests).toHaveLength(0);
  });

  test("credentials from a function are checked at sign-in, before anything is sent", async () => {
    const provider = new FakeProvider("enad");
    const client = createProviderClient(enadWithSchema, {
      fetch: provider.fetch,
      appId: "app-1",
      credentials: async () => ({ email: "ada@example.com" }),
    });
    const error = await captureError(client.fetch("https://api.enad.test/api/v1/app-1/devices"));
    expect(error).toMatchObject({
      name: "CredentialsError",
      field: "password",
      rule: "is required",
    });
    expect(provider.requests).toHaveLength(0);
  });

  test.each([
    [{ email: "ada@example.com", password: 1234567890 }, "password", "must be a string"],
    [{ email: "not-an-email", password: PASSWORD }, "email", "must be a valid email"],
    [
      { email: "ada@example.com", password: PASSWORD, remember: true },
      "remember",
      "is not a field the provider accepts",
    ],
    ["ada:secret", "credentials", "must be an object"],
  ] as const)("%j: `%s` %s", async (credentials, field, rule) => {
    const provider = new FakeProvider("enad");
    const client = createProviderClient(enadWithSchema, { fetch: provider.fetch, appId: "app-1" });
    const error = await captureError(client.signIn(credentials as never));
    expect(error).toMatchObject({ name: "CredentialsError", field, rule });
  });

  test("a oneOf schema (PulseCRM: API key or email) says what each shape misses", async () => {
    const pulseWithSchema: ProviderDescription = {
      ...pulseLike,
      credentialsSchema: {
        oneOf: [
          { type: "object", required: ["apiKey", "apiSecret"] },
          { type: "object", required: ["email", "password"] },
        ],
      },
    };
    const provider = new FakeProvider("pulse");
    const client = createProviderClient(pulseWithSchema, { fetch: provider.fetch });
    const error = (await captureError(client.signIn({ apiKey: "key-1" } as never))) as Error;
    expect(error.message).toBe(
      "Pulse-like CRM credentials: `credentials` must match one of the accepted shapes: `apiSecret` is required; or `email` is required",
    );
    await expect(
      client.signIn({ email: "ada@example.com", password: PASSWORD }),
    ).resolves.toBeDefined();
  });

  test("valid credentials sign in as before", async () => {
    const provider = new FakeProvider("enad");
    const client = createProviderClient(enadWithSchema, {
      fetch: provider.fetch,
      appId: "app-1",
      credentials: { email: "ada@example.com", password: PASSWORD },
    });
    await expect(client.signIn()).resolves.toBeDefined();
  });
});

test("a credentials function that throws is a ConfigurationError whose cause is scrubbed", async () => {
  const { client } = setup("vero", {
    credentials: async () => {
      throw new Error(`vault at https://svc:${PASSWORD}@vault.test/ refused`);
    },
  });
  const error = (await captureError(client.signIn())) as Error;
  expect(error).toBeInstanceOf(ConfigurationError);
  expect(error.message).toBe("The credentials function failed");
  expect((error.cause as Error).message).toBe("vault at https://[redacted]@vault.test/ refused");
});
