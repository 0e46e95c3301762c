import { afterAll, afterEach, expect, test } from "vitest";
import { ConfigurationError, type Logger } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { captureError, expectNoLeakedSecrets, PASSWORD, recordOutput } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const environment = process.env.LOGINKIT_LOG;
afterEach(() => {
  if (environment === undefined) delete process.env.LOGINKIT_LOG;
  else process.env.LOGINKIT_LOG = environment;
});

/** A logger that keeps every line (and records it for the leak check). */
function recordingLogger() {
  const lines: { level: string; message: string; details: unknown }[] = [];
  const at =
    (level: string) =>
    (message: string, ...details: unknown[]) => {
      lines.push(recordOutput({ level, message, details: details[0] }));
    };
  const logger: Logger = {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
  };
  return { logger, lines };
}

test("logging is off by default: a logger given without a level hears nothing", async () => {
  delete process.env.LOGINKIT_LOG;
  const { logger, lines } = recordingLogger();
  const { client, url } = setup("org", { logger });
  await client.fetch(url("/users"));
  await client.signOut();
  expect(lines).toEqual([]);
});

test('"info" logs sign-ins and sign-outs, not each request', async () => {
  const { logger, lines } = recordingLogger();
  const { client, url } = setup("org", { logger, logLevel: "info" });
  await client.fetch(url("/users"));
  await client.fetch(url("/users"));
  await client.signOut();
  expect(
    lines.map((line) => [line.level, line.message.replace(/expiresAt=\S+/, "expiresAt=…")]),
  ).toEqual([
    ["info", "[loginkit] org-like: signed-in expiresAt=…"],
    ["info", "[loginkit] org-like: signed-out"],
  ]);
  expect(lines[0]!.message).toMatch(/expiresAt=\d{4}-\d\d-\d\dT/);
  expect(lines[0]!.details).toMatchObject({ type: "signed-in", provider: "org-like" });
});

test('"debug" shows each attempt of a retried request, with the URL redacted', async () => {
  const provider = new FakeProvider("org");
  const { logger, lines } = recordingLogger();
  const { client } = setup(
    "org",
    { logger, logLevel: "debug", retry: { baseDelay: 1, jitter: false } },
    provider,
  );
  await client.getAccessToken();
  provider.faults.push(() => new Response(null, { status: 503 }));
  const response = await client.fetch("https://org.test/users?access_token=abc");
  expect(response.status).toBe(200);
  const shown = "https://org.test/users?access_token=%5Bredacted%5D";
  const about = lines
    .filter((line) => line.message.includes(shown))
    .map((line) => [line.level, line.message.replace(/duration=\d+/, "duration=…")]);
  expect(about).toEqual([
    ["debug", `[loginkit] org-like: request-start GET ${shown}`],
    ["debug", `[loginkit] org-like: request-attempt GET ${shown} attempt=1 duration=… status=503`],
    ["info", `[loginkit] org-like: retry GET ${shown} attempt=1 delay=1 reason=status status=503`],
    ["debug", `[loginkit] org-like: request-attempt GET ${shown} attempt=2 duration=… status=200`],
    ["debug", `[loginkit] org-like: request-end GET ${shown} attempts=2 duration=… status=200`],
  ]);
});

test("LOGINKIT_LOG turns logging on without a code change; the logLevel option wins over it", async () => {
  process.env.LOGINKIT_LOG = "warn";
  const quiet = recordingLogger();
  const refused = setup("vero", {
    logger: quiet.logger,
    credentials: { email: "ada@example.com", password: "wrong-pw" },
  });
  await captureError(refused.client.fetch(refused.url("/api/orders")));
  expect(quiet.lines.map((line) => line.level)).toEqual(["error"]);
  expect(quiet.lines[0]!.message).toBe(
    "[loginkit] vero-like: auth-failed error=AuthenticationError status=401 code=INVALID_CREDENTIALS",
  );

  process.env.LOGINKIT_LOG = "DEBUG";
  const loud = recordingLogger();
  const { client, url } = setup("org", { logger: loud.logger });
  await client.fetch(url("/users"));
  expect(loud.lines.some((line) => line.message.includes("request-attempt GET"))).toBe(true);

  const overridden = recordingLogger();
  const off = setup("org", { logger: overridden.logger, logLevel: "off" });
  await off.client.fetch(off.url("/users"));
  expect(overridden.lines).toEqual([]);
});

test("a LOGINKIT_LOG that is no level is said once, as a warning, and logging stays off", async () => {
  process.env.LOGINKIT_LOG = "verbose";
  const { logger, lines } = recordingLogger();
  const { client, url } = setup("org", { logger });
  await client.fetch(url("/users"));
  expect(lines).toEqual([
    {
      level: "warn",
      message:
        '[loginkit] LOGINKIT_LOG must be one of off, error, warn, info, debug; got "verbose": logging stays off',
      details: undefined,
    },
  ]);
});

test("a log line never holds the password, even when the provider echoes it", async () => {
  const provider = new FakeProvider("vero");
  provider.faults.push(() =>
    Response.json(
      { code: "INVALID_CREDENTIALS", message: `wrong password ${PASSWORD}` },
      { status: 401 },
    ),
  );
  const { logger, lines } = recordingLogger();
  const { client, url } = setup("vero", { logger, logLevel: "debug" }, provider);
  await captureError(client.fetch(url("/api/orders")));
  expect(lines.length).toBeGreaterThan(2);
  for (const line of lines) expect(JSON.stringify(line)).not.toContain(PASSWORD);
});

test.each([
  [
    { logLevel: "loud" },
    "logLevel",
    "`logLevel` must be one of off, error, warn, info, debug; got a string",
  ],
  [{ logLevel: 3 }, "logLevel", "`logLevel` must be one of off, error, warn, info, debug; got 3"],
  [
    { logger: "console" },
    "logger",
    "`logger` must be an object with debug, info, warn and error methods; got a string",
  ],
  [{ logger: { info() {} } }, "logger.debug", "`logger.debug` must be a function; got undefined"],
])("a wrong %o is a ConfigurationError naming it", (options, option, message) => {
  const error = (() => {
    try {
      setup("org", options as never);
    } catch (thrown) {
      return thrown;
    }
  })();
  expect(error).toBeInstanceOf(ConfigurationError);
  expect(error).toMatchObject({ option, message });
});
