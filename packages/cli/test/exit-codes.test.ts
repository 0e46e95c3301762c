import {
  AbortError,
  AuthenticationError,
  ConfigurationError,
  CredentialsError,
  HttpError,
  LoginkitError,
  NetworkError,
  ProtocolError,
  RetriesExhaustedError,
  TimeoutError,
} from "@loginkit/core";
import { serveFetchHandler, startSimulator } from "@loginkit/testkit";
import { describe, expect, test } from "vitest";
import { fromClientError } from "../src/errors/from-client-error.js";
import { EXIT } from "../src/exit-codes.js";
import { closeAfterEachTest } from "./support/close-after-each-test.js";
import { runBin } from "./support/run-bin.js";
import { environmentFor, variableOf } from "./support/simulator-environment.js";

const { keep, simulator } = closeAfterEachTest();

describe("each error class of core has its exit code", () => {
  const network = new NetworkError("connection refused");
  test.each([
    ["ConfigurationError", new ConfigurationError("bad option"), EXIT.usage],
    [
      "CredentialsError",
      new CredentialsError("too short", { field: "password", rule: "at least 10" }),
      EXIT.usage,
    ],
    ["AuthenticationError", new AuthenticationError("refused", { status: 401 }), EXIT.refused],
    ["NetworkError", network, EXIT.unreachable],
    ["TimeoutError", new TimeoutError("timed out", { timeout: 5 }), EXIT.unreachable],
    [
      "RetriesExhaustedError after network errors",
      new RetriesExhaustedError("gave up", { attempts: 3, cause: network }),
      EXIT.unreachable,
    ],
    [
      "RetriesExhaustedError after 503s",
      new RetriesExhaustedError("gave up", {
        attempts: 3,
        cause: new HttpError("503", { status: 503 }),
      }),
      EXIT.failed,
    ],
    ["HttpError", new HttpError("500", { status: 500 }), EXIT.failed],
    ["ProtocolError", new ProtocolError("not JSON"), EXIT.failed],
    ["AbortError", new AbortError("aborted"), EXIT.failed],
    ["LoginkitError", new LoginkitError("other"), EXIT.failed],
    ["a plain Error", new Error("bug"), EXIT.failed],
  ])("%s", (_name, error, code) => {
    expect(fromClientError(error, "enad").exitCode).toBe(code);
  });
});

describe("the exit codes a user sees", () => {
  test("0: a token is printed", async () => {
    const sim = await simulator("enad");
    const { code } = await runBin(
      ["token", "enad", "--base-url", sim.url],
      await environmentFor(sim),
    );
    expect(code).toBe(EXIT.ok);
  });

  test("1: the provider answers 500 to every sign-in", async () => {
    const sim = await simulator("enad");
    const served = await serveFetchHandler(async () => new Response("down", { status: 500 }));
    keep(served);
    const { code, stderr } = await runBin(
      ["token", "enad", "--base-url", served.url],
      await environmentFor(sim),
    );
    expect(code, stderr).toBe(EXIT.failed);
  });

  test.each([
    ["a javascript: URL", "javascript:alert(1)", /not javascript:/],
    ["a URL with user:password@", "http://jane:hunter22@127.0.0.1:9/", /user info/],
    ["not a URL", "staging", /absolute http/],
  ])("2: --base-url is %s (token and check)", async (_name, baseUrl, message) => {
    const sim = await simulator("enad");
    const env = await environmentFor(sim);
    for (const command of ["token", "check"]) {
      const { code, stdout, stderr } = await runBin([command, "enad", "--base-url", baseUrl], env);
      expect(code, `${command}: ${stderr}`).toBe(EXIT.usage);
      expect(stderr).toMatch(message);
      expect(stdout + stderr).not.toContain("hunter22");
    }
    expect(sim.requests).toEqual([]);
  });

  test("2: the password in the environment is shorter than the spec allows (CredentialsError)", async () => {
    const sim = await simulator("enad");
    const env = await environmentFor(sim, { [variableOf("enad", "password")]: "short" });
    for (const command of ["token", "check"]) {
      const { code, stdout, stderr } = await runBin([command, "enad", "--base-url", sim.url], env);
      expect(code, `${command}: ${stderr}`).toBe(EXIT.usage);
      expect(stderr).toMatch(/password/);
      expect(stdout + stderr).not.toMatch(/\bshort\b/);
    }
    expect(sim.requests).toEqual([]);
  });

  test("2: an unknown provider", async () => {
    expect((await runBin(["token", "no-such-provider"])).code).toBe(EXIT.usage);
  });

  test("3: nothing listens at the base URL", async () => {
    const sim = await startSimulator("enad");
    const env = await environmentFor(sim);
    await sim.close();
    expect((await runBin(["token", "enad", "--base-url", sim.url], env)).code).toBe(
      EXIT.unreachable,
    );
  });

  test("4: the provider refuses the credentials", async () => {
    const sim = await simulator("enad");
    const env = await environmentFor(sim, {
      [variableOf("enad", "password")]: "not-the-password-4711",
    });
    expect((await runBin(["token", "enad", "--base-url", sim.url], env)).code).toBe(EXIT.refused);
  });
});
