import {
  listShippedProviders,
  type Simulator,
  serveFetchHandler,
  startSimulator,
} from "@loginkit/testkit";
import { describe, expect, test } from "vitest";
import { loadClientPackageForTest } from "./support/client-packages.js";
import { closeAfterEachTest } from "./support/close-after-each-test.js";
import { runBin, startBin } from "./support/run-bin.js";
import { environmentFor } from "./support/simulator-environment.js";

const { keep, simulator } = closeAfterEachTest();

/**
 * A provider that drifted from its spec: the simulator's answers, with each JSON sign-in answer
 * rewritten by `drift`, served on 127.0.0.1 like any deployment.
 */
async function driftedFake(sim: Simulator, drift: (body: Record<string, unknown>) => void) {
  const signInPath = sim.exampleRequest(sim.operationIds.signIn).path;
  const served = await serveFetchHandler(async (request) => {
    const response = await sim.handle(request);
    if (new URL(request.url).pathname !== signInPath || response.status !== 200) return response;
    const body = (await response.json()) as Record<string, unknown>;
    drift(body);
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(body), { status: 200, headers });
  });
  keep(served);
  return served;
}

/** Every credential value the environment holds: none may show in the output. */
function credentialsIn(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name]) => name.startsWith("LOGINKIT_") && !name.endsWith("_APP_ID"))
    .map(([, value]) => String(value));
}

describe.each(listShippedProviders())("loginkit check %s", (provider) => {
  test("against its simulator: every answer conforms, exit 0, no credential or token shown", async () => {
    const sim = await simulator(provider);
    const env = await environmentFor(sim);
    const { code, stdout, stderr } = await runBin(["check", provider, "--base-url", sim.url], env);
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toContain("answers as its spec says");
    expect(stdout).toMatch(/sign-in .* conforms/);
    expect(stdout).toMatch(/refused sign-in .* conforms/);
    if (sim.operationIds.session) expect(stdout).toMatch(/\nsession .* conforms/);
    if (sim.operationIds.refresh) expect(stdout).toMatch(/\nrefresh .* conforms/);
    expect(stderr).toMatch(/\[1\/\d\] sign-in/);
    for (const secret of credentialsIn(env)) expect(stdout + stderr).not.toContain(secret);
    expect(stdout + stderr).not.toMatch(/eyJ[\w-]+\./);
    expect(sim.stats.failedSignIns).toBe(1);
  });

  test("against a fake that renamed the token field: DRIFT naming it, exit 1", async () => {
    const sim = await simulator(provider);
    const { provider: description } = await loadClientPackageForTest(provider);
    const field = description.token.accessToken.replace("$response.body#/", "");
    const fake = await driftedFake(sim, (body) => {
      const path = field.split("/");
      const last = path.pop() as string;
      let holder = body;
      for (const segment of path) holder = holder[segment] as Record<string, unknown>;
      holder[`${last}Renamed`] = holder[last];
      delete holder[last];
    });
    const env = await environmentFor(sim);
    const { code, stdout, stderr } = await runBin(["check", provider, "--base-url", fake.url], env);
    expect(code, stdout + stderr).toBe(1);
    expect(stdout).toMatch(new RegExp(`DRIFT +${field.replaceAll("/", ".")} `));
    expect(stdout).toContain("drifts from its spec");
    for (const secret of credentialsIn(env)) expect(stdout + stderr).not.toContain(secret);
    expect(stdout + stderr).not.toMatch(/eyJ[\w-]+\./);
  });
});

test("a dropped required field and a changed type are each named, with what came, in --json", async () => {
  const sim = await simulator("vero-oms");
  const fake = await driftedFake(sim, (body) => {
    delete body.session;
    body.identity = "not-an-object";
  });
  const { code, stdout } = await runBin(
    ["check", "vero-oms", "--base-url", fake.url, "--json"],
    await environmentFor(sim),
  );
  expect(code).toBe(1);
  const report = JSON.parse(stdout) as {
    conforms: boolean;
    answers: {
      step: string;
      status: number;
      findings: { field: string; expected: string; got: string }[];
    }[];
  };
  expect(report.conforms).toBe(false);
  const signIn = report.answers.find((answer) => answer.step === "sign-in");
  expect(signIn?.findings).toEqual(
    expect.arrayContaining([
      { field: "session", expected: "present (required)", got: "missing" },
      expect.objectContaining({ field: "identity", got: '"not-an-object"' }),
    ]),
  );
});

test("an unreachable deployment exits 3", async () => {
  const sim = await startSimulator("org-platform");
  const env = await environmentFor(sim);
  await sim.close();
  const { code, stderr } = await runBin(["check", "org-platform", "--base-url", sim.url], env);
  expect(code).toBe(3);
  expect(stderr).toMatch(/unreachable/);
});

test("the README's drifted fake: loginkit simulate --drop-field, then loginkit check names the field", async () => {
  const reference = await simulator("vero-oms");
  const run = startBin([
    "simulate",
    "vero-oms",
    "--port",
    "0",
    "--json",
    "--drop-field",
    "session",
  ]);
  try {
    const [line] = await run.waitFor(/^\{"event":"listening".*$/m);
    const { url } = JSON.parse(line) as { url: string };
    const { code, stdout } = await runBin(
      ["check", "vero-oms", "--base-url", url],
      await environmentFor(reference),
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/sign-in .* DRIFT +session +present \(required\) +missing/);
    run.child.kill("SIGINT");
    expect((await run.finished()).code).toBe(0);
  } finally {
    run.child.kill("SIGKILL");
  }
});

test("a malformed --rename-field is a usage error", async () => {
  const bad = await runBin(["simulate", "enad", "--rename-field", "access_token"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("--rename-field takes old=new");
});
