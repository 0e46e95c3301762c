import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CommonJsConsumer, createCommonJsConsumer } from "../src/commonjs-consumer.js";
import { type ConsumerProject, createConsumerProject } from "../src/consumer-project.js";
import { installNode } from "../src/install-node.js";
import { type LocalRegistry, startLocalRegistry } from "../src/local-registry.js";
import { listPublicPackages } from "../src/public-packages.js";
import { publishPackages } from "../src/publish-packages.js";

let registry: LocalRegistry | undefined;
let consumer: ConsumerProject | undefined;
let commonJsConsumer: CommonJsConsumer | undefined;
let cliUser: CommonJsConsumer | undefined;

beforeAll(async () => {
  registry = await startLocalRegistry();
  await publishPackages(await listPublicPackages(), registry);
  consumer = await createConsumerProject(join(import.meta.dirname, "fixtures/consumer"), registry, [
    "@loginkit/vero-oms",
    "@loginkit/testkit",
    "@loginkit/opentelemetry",
    "@opentelemetry/api@^1.9.0",
    "typescript@~5.9.3",
    "@types/node@^20.19.0",
  ]);
  commonJsConsumer = await createCommonJsConsumer(
    join(import.meta.dirname, "fixtures/commonjs-consumer"),
    registry,
    [
      "@loginkit/vero-oms",
      "@loginkit/testkit",
      "@loginkit/opentelemetry",
      "@opentelemetry/api@^1.9.0",
    ],
  );
  cliUser = await createCommonJsConsumer(
    join(import.meta.dirname, "fixtures/cli-consumer"),
    registry,
    ["@loginkit/cli"],
  );
});

afterAll(async () => {
  await consumer?.remove();
  await commonJsConsumer?.remove();
  await cliUser?.remove();
  await registry?.stop();
});

describe("the packages as a user installs them from a registry", () => {
  test("every public package is published with workspace ranges replaced by real ones", async () => {
    for (const { manifest } of await listPublicPackages()) {
      const response = await fetch(new URL(manifest.name.replace("/", "%2f"), registry!.url));
      expect(response.status, manifest.name).toBe(200);
      const published = (await response.json()) as {
        versions: Record<string, { dependencies?: Record<string, string> }>;
      };
      const dependencies = published.versions[manifest.version]?.dependencies ?? {};
      for (const [name, range] of Object.entries(dependencies)) {
        expect(range, `${manifest.name} → ${name}`).not.toMatch(/^workspace:/);
      }
    }
  });

  test("a strict NodeNext TypeScript project type-checks against the installed packages", async () => {
    await expect(consumer!.compile()).resolves.toBeUndefined();
  });

  test("the consumer signs in to the Vero simulator and makes an authenticated call on this Node", async () => {
    await consumer!.compile();
    expect(await consumer!.run(process.execPath)).toMatch(/^OK .+ on Node 20\./m);
  });

  test("the same consumer runs on Node 24", async () => {
    const node24 = await installNode(24);
    await consumer!.compile();
    expect(await consumer!.run(node24)).toMatch(/^OK .+ on Node 24\./m);
  });

  test("a CommonJS project require()s the published packages and signs in on this Node", async () => {
    // Node 20.19+ loads ES modules with require(); the packages' `default` export condition lets it.
    expect(process.features).toHaveProperty("require_module", true);
    const { stdout } = await commonJsConsumer!.run(process.execPath);
    expect(stdout).toMatch(/^OK .+ via require\(\) on Node 20\./m);
  });

  test("a user with only @loginkit/cli installed mocks a provider, gets a token and checks it against its spec", async () => {
    const { stdout } = await cliUser!.run(process.execPath);
    expect(stdout).toMatch(/^OK simulate, token and check from @loginkit\/cli alone$/m);
  });
});
