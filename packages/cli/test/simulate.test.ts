import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listShippedProviders } from "@loginkit/testkit";
import { describe, expect, test } from "vitest";
import { runBin, startBin } from "./support/run-bin.js";

interface Listening {
  readonly url: string;
  readonly accounts: readonly { name: string; credentials: Record<string, unknown> }[];
}

describe.each(listShippedProviders())("loginkit simulate %s", (provider) => {
  test("serves on 127.0.0.1, takes a sign-in, logs it without the secret, and stops on Ctrl-C", async () => {
    const run = startBin(["simulate", provider, "--port", "0", "--json"]);
    try {
      const [line] = await run.waitFor(/^\{"event":"listening".*$/m);
      const listening = JSON.parse(line) as Listening;
      expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listening.accounts.length).toBeGreaterThan(0);

      const denied = await fetch(`${listening.url}/__loginkit/protected`, {
        headers: { authorization: "Bearer not-a-token-of-this-simulator" },
      });
      expect(denied.status).toBe(401);
      await run.waitFor(/"event":"request".*"status":401/);
      expect(run.output.stdout).not.toContain("not-a-token-of-this-simulator");

      run.child.kill("SIGINT");
      const finished = await run.finished();
      expect(finished.code).toBe(0);
      expect(finished.stdout).toMatch(/"event":"stopped","signal":"SIGINT"/);
    } finally {
      run.child.kill("SIGKILL");
    }
  });
});

test("the banner shows the URL, the accounts and the token command; preflights are logged; SIGTERM stops it", async () => {
  const run = startBin(["simulate", "vero-oms", "--port", "0", "--ttl", "120"]);
  try {
    const [, url] = await run.waitFor(/on (http:\/\/127\.0\.0\.1:\d+)/);
    await run.waitFor(/Ctrl-C stops it/);
    expect(run.output.stdout).toContain("jane.trader@example.com");
    expect(run.output.stdout).toContain("tokens live 120 s");
    expect(run.output.stdout).toContain(`loginkit token vero-oms --base-url ${url}`);
    const preflight = await fetch(`${url}/api/auth/login`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    await run.waitFor(/OPTIONS \/api\/auth\/login {2}\(CORS preflight\) {2}204/);
    run.child.kill("SIGTERM");
    const finished = await run.finished();
    expect(finished.code).toBe(0);
    expect(finished.stdout).toContain("stopped (SIGTERM)");
    // NO_COLOR is set and stdout is a pipe: not one escape code.
    expect(finished.stdout).not.toContain("\u001b[");
  } finally {
    run.child.kill("SIGKILL");
  }
});

test("a fifth spec, given by its path, is simulated with no change to the CLI", async () => {
  const specs = fileURLToPath(new URL("../../../specs/", import.meta.url));
  const folder = mkdtempSync(join(tmpdir(), "loginkit-cli-"));
  const fifth = join(folder, "acme-shop.yaml");
  copyFileSync(join(specs, "enad.yaml"), fifth);
  const run = startBin(["simulate", fifth, "--port", "0", "--json"]);
  try {
    const [line] = await run.waitFor(/^\{"event":"listening".*$/m);
    expect(JSON.parse(line)).toMatchObject({ provider: "acme-shop" });
    run.child.kill("SIGINT");
    expect((await run.finished()).code).toBe(0);
  } finally {
    run.child.kill("SIGKILL");
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a port already in use is a usage error naming the port", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const { port } = blocker.address() as { port: number };
  try {
    const { code, stderr } = await runBin(["simulate", "enad", "--port", String(port)]);
    expect(code).toBe(2);
    expect(stderr).toContain(`port ${port} is in use`);
  } finally {
    blocker.close();
  }
});
