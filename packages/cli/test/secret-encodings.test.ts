import { serveFetchHandler, startSimulator } from "@loginkit/testkit";
import { describe, expect, test } from "vitest";
import { closeAfterEachTest } from "./support/close-after-each-test.js";
import { runBin } from "./support/run-bin.js";
import { environmentFor, variableOf } from "./support/simulator-environment.js";

const { keep } = closeAfterEachTest();

/** A password whose URL and base64 forms all differ from it, as real ones often do. */
const EMAIL = "lena.berg@example.com";
const PASSWORD = "pässword/with spaces+&=4711";

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const encodings: [string, string][] = [
  ["base64", base64(PASSWORD)],
  ["base64url", Buffer.from(PASSWORD, "utf8").toString("base64url")],
  ["URL-encoded", encodeURIComponent(PASSWORD)],
  ["form-encoded", new URLSearchParams({ p: PASSWORD }).toString().slice(2)],
  ["base64(user:password)", base64(`${EMAIL}:${PASSWORD}`)],
];

/** A drifted Enad whose sign-in answer quotes the password, encoded, where the token belongs. */
async function echoingProvider(echo: string) {
  const sim = await startSimulator("enad", {
    accounts: [{ credentials: { email: EMAIL, password: PASSWORD } }],
  });
  keep(sim);
  const signInPath = sim.exampleRequest(sim.operationIds.signIn).path;
  const served = await serveFetchHandler(async (request) => {
    const response = await sim.handle(request);
    if (new URL(request.url).pathname !== signInPath) return response;
    const body = { access_token: [echo], token_type: { echo }, expires_in: echo };
    return Response.json(body, { status: 200 });
  });
  keep(served);
  const env = await environmentFor(sim, {
    [variableOf("enad", "email")]: EMAIL,
    [variableOf("enad", "password")]: PASSWORD,
  });
  return { url: served.url, env };
}

describe.each(encodings)("a provider echoing the password %s", (_name, echo) => {
  test("check's table shows the drift with the value redacted", async () => {
    const { url, env } = await echoingProvider(echo);
    const { code, stdout, stderr } = await runBin(["check", "enad", "--base-url", url], env);
    expect(code, stdout + stderr).toBe(1);
    expect(stdout).toMatch(/sign-in .* DRIFT .*\[redacted\]/);
    expect(stdout + stderr).not.toContain(echo);
    expect(stdout + stderr).not.toContain(PASSWORD);
  });

  test("check --json shows the drift with the value redacted", async () => {
    const { url, env } = await echoingProvider(echo);
    const { code, stdout, stderr } = await runBin(
      ["check", "enad", "--base-url", url, "--json"],
      env,
    );
    expect(code).toBe(1);
    expect(stdout).toContain("[redacted]");
    expect(stdout + stderr).not.toContain(echo);
  });
});
