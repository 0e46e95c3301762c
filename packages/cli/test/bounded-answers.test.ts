import { defaultClientOptions } from "@loginkit/core";
import { serveFetchHandler, startSimulator } from "@loginkit/testkit";
import { expect, test } from "vitest";
import { closeAfterEachTest } from "./support/close-after-each-test.js";
import { runBin } from "./support/run-bin.js";
import { environmentFor } from "./support/simulator-environment.js";

const { keep } = closeAfterEachTest();

const CAP = defaultClientOptions.maxResponseBytes;

/**
 * Enad's simulator, except that its sign-in answers a valid JSON body padded far past the cap
 * core reads with: `padding` bytes of it, or without end.
 */
async function paddedSignIn(padding: number | "endless") {
  const sim = await startSimulator("enad");
  keep(sim);
  const signInPath = sim.exampleRequest(sim.operationIds.signIn).path;
  const served = await serveFetchHandler(async (request) => {
    const response = await sim.handle(request);
    if (new URL(request.url).pathname !== signInPath || response.status !== 200) return response;
    const head = new TextEncoder().encode(`${(await response.text()).slice(0, -1)},"padding":"`);
    const chunk = new TextEncoder().encode("a".repeat(65_536));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        if (padding !== "endless" && sent >= padding) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });
    return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  });
  keep(served);
  return { sim, url: served.url, env: await environmentFor(sim) };
}

test("check: a sign-in answer past core's cap is drift naming the step and the size, exit 1", async () => {
  const { url, env } = await paddedSignIn(8 * CAP);
  const { code, stdout, stderr } = await runBin(["check", "enad", "--base-url", url], env);
  expect(code, stdout + stderr).toBe(1);
  expect(stdout).toMatch(
    new RegExp(
      `sign-in .* DRIFT +body +at most ${CAP} bytes \\(core's maxResponseBytes\\) +"more than ${CAP} bytes"`,
    ),
  );
  expect(stdout).toContain("drifts from its spec");
  expect(stdout).not.toContain("answers as its spec says");
});

test("check: an answer without end is cut at the cap, not read until the timeout", async () => {
  const { url, env } = await paddedSignIn("endless");
  // A minute per request: only a capped read ends well within the 30 s bound.
  const { code, stdout } = await runBin(
    ["check", "enad", "--base-url", url, "--timeout", "60000"],
    env,
    30_000,
  );
  expect(code).toBe(1);
  expect(stdout).toMatch(/sign-in .* DRIFT +body .*more than \d+ bytes/);
});

test("check --json reports the oversized answer as drift", async () => {
  const { url, env } = await paddedSignIn(2 * CAP);
  const { code, stdout } = await runBin(["check", "enad", "--base-url", url, "--json"], env);
  expect(code).toBe(1);
  const report = JSON.parse(stdout);
  expect(report.conforms).toBe(false);
  expect(
    report.answers.find((answer: { step: string }) => answer.step === "sign-in"),
  ).toMatchObject({ findings: [{ field: "body", got: `"more than ${CAP} bytes"` }] });
});

test("token: an answer without end fails with exit 1 naming the cap, within the bound", async () => {
  const { url, env } = await paddedSignIn("endless");
  const { code, stdout, stderr } = await runBin(["token", "enad", "--base-url", url], env);
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toMatch(/larger than maxResponseBytes \(1048576 bytes\)/);
});
