import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { formatNumber, formatRatio } from "../measure/format.js";
import { runInterleaved } from "../measure/interleave.js";
import { repositoryRoot } from "../measure/paths.js";
import { median } from "../measure/statistics.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { runTypecheck, type TypecheckDiagnostics } from "./typecheck-diagnostics.js";

const consumers = {
  loginkit: "consumers/loginkit-consumer.ts",
  "bare openapi-fetch": "consumers/bare-openapi-fetch-consumer.ts",
} as const;
type Consumer = keyof typeof consumers;

/** Type counts are deterministic; times and memory are not, so they take the median. */
const rounds = 5;

export async function runTypecheckBenchmark(environment: string): Promise<Section> {
  const emptyTypeRoots = await mkdtemp(join(tmpdir(), "loginkit-typecheck-bench-"));
  let results: Map<Consumer, TypecheckDiagnostics[]>;
  try {
    const names = Object.keys(consumers) as Consumer[];
    results = await runInterleaved(names, rounds, (name) =>
      runTypecheck(fileURLToPath(new URL(consumers[name], import.meta.url)), emptyTypeRoots),
    );
  } finally {
    await rm(emptyTypeRoots, { recursive: true, force: true });
  }
  const metric = (name: Consumer, read: (diagnostics: TypecheckDiagnostics) => number) =>
    median(results.get(name)!.map(read));
  const metrics: [string, (diagnostics: TypecheckDiagnostics) => number, number][] = [
    ["files", (d) => d.files, 0],
    ["types", (d) => d.types, 0],
    ["instantiations", (d) => d.instantiations, 0],
    ["check time (ms)", (d) => d.checkMilliseconds, 0],
    ["total time (ms)", (d) => d.totalMilliseconds, 0],
    ["memory used (MiB)", (d) => d.memoryBytes / 2 ** 20, 1],
  ];
  const rows = metrics.map(([label, read, decimals]) => {
    const loginkit = metric("loginkit", read);
    const bare = metric("bare openapi-fetch", read);
    return [
      label,
      formatNumber(loginkit, decimals),
      formatNumber(bare, decimals),
      formatRatio(loginkit / bare),
    ];
  });
  const file = (name: Consumer) =>
    `\`${relative(repositoryRoot, fileURLToPath(new URL(consumers[name], import.meta.url)))}\``;

  const body = [
    environment,
    "",
    `\`tsc --extendedDiagnostics --noEmit\` (the workspace's TypeScript) on one consumer file, with the workspace's compiler options (strict, NodeNext, skipLibCheck) and no ambient \`@types\`. Both files make the same calls: create the client, a typed \`POST /api/auth/recovery/start\`, a login, and \`POST /api/auth/recovery/verify\` (loginkit: \`vero.signIn()\` and \`vero.operations.verifyPasswordRecovery\`; bare openapi-fetch: \`createClient<paths>\` on the same generated \`paths\` (Vero's \`dist/schema.d.ts\`), the login as a typed \`POST\`, and the recovery cookie passed by hand because bare openapi-fetch types it as a required parameter). Files: ${file("loginkit")} and ${file("bare openapi-fetch")}. ${rounds} fresh \`tsc\` processes each, interleaved; medians (type counts do not vary).`,
    "",
    renderTable(["measure", "loginkit", "bare openapi-fetch", "loginkit ÷ bare"], rows),
    "",
    `- loginkit's consumer loads ${formatNumber(metric("loginkit", (d) => d.files) - metric("bare openapi-fetch", (d) => d.files))} more files (\`@loginkit/core\`'s declarations: client, options, events, errors, retry and token-store types). Its \`operations\` calls name their operation's types outright (with \`CookiesFromJar\` removing the cookie the jar sends), while bare openapi-fetch infers each \`POST(path, init)\` from the path, so types and instantiations can come out lower for loginkit even though it loads more.`,
    "- No target is set for this area; the ratios are reported so a change to the generated types or core's public types shows up here.",
  ].join("\n");
  return { title: "Type-check cost for a consumer", body };
}
