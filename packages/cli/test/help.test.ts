import { readFileSync } from "node:fs";
import { listShippedProviders, loadSpecConformance } from "@loginkit/testkit";
import { describe, expect, test } from "vitest";
import { runBin } from "./support/run-bin.js";
import { variableOf } from "./support/simulator-environment.js";

const providers = listShippedProviders();

test("--help lists the commands, the providers and what each exit code means", async () => {
  const { code, stdout } = await runBin(["--help"]);
  expect(code).toBe(0);
  for (const command of ["simulate", "token", "check"]) expect(stdout).toContain(command);
  for (const provider of providers) expect(stdout).toContain(provider);
  expect(stdout).toMatch(/2\s+usage/);
  expect(stdout).toMatch(/3\s+the provider is unreachable/);
});

test("--version prints the package's version", async () => {
  const { version } = JSON.parse(
    readFileSync(new URL("../package.json", import.meta.url), "utf8"),
  ) as { version: string };
  const { code, stdout } = await runBin(["--version"]);
  expect(code).toBe(0);
  expect(stdout.trim()).toBe(version);
});

describe.each(["token", "check"])("%s --help", (command) => {
  test("names the environment variables each provider's credentials come from", async () => {
    const { code, stdout } = await runBin([command, "--help"]);
    expect(code).toBe(0);
    for (const provider of providers) {
      for (const form of loadSpecConformance(provider).credentialForms)
        for (const field of form.required) expect(stdout).toContain(variableOf(provider, field));
    }
    expect(stdout).toContain("never from arguments");
  });
});

test("simulate --help shows its options and an example", async () => {
  const { code, stdout } = await runBin(["simulate", "--help"]);
  expect(code).toBe(0);
  expect(stdout).toContain("--port");
  expect(stdout).toContain("--ttl");
  expect(stdout).toContain("loginkit simulate vero-oms");
});

test.each([
  ["an unknown command", ["frobnicate"], /unknown command/],
  ["an unknown provider", ["simulate", "acme"], /unknown provider "acme".*enad/],
  [
    "a port that is not a number",
    ["simulate", "enad", "--port", "http"],
    /--port must be an integer/,
  ],
  ["check without --base-url", ["check", "enad"], /--base-url/],
  [
    "a base URL that is not http",
    ["check", "enad", "--base-url", "ftp://x"],
    /http:\/\/ or https:\/\/ URL/,
  ],
])("%s is a usage error: exit 2 with a message", async (_name, args, message) => {
  const { code, stdout, stderr } = await runBin(args);
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
  expect(stdout).toBe("");
});
