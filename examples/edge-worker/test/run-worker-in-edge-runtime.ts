import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";
import type { KvNamespace } from "../src/kv-token-store.js";

const workerEntry = join(dirname(fileURLToPath(import.meta.url)), "../src/worker.ts");

/** The worker bundled as wrangler bundles it: the `worker` and `browser` export conditions. */
export async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [workerEntry],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "workerModule",
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild wrote no worker bundle");
  return output.text;
}

export interface WorkerAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * Runs one request in a NEW edge runtime VM (web APIs only, no eval, no Node built-ins): a fresh
 * isolate per request, so nothing but the KV namespace carries state from one request to the
 * next. The answer crosses the VM boundary as a string.
 */
export async function runRequestInFreshIsolate(
  bundle: string,
  url: string,
  env: Record<string, string>,
  kv: KvNamespace,
): Promise<WorkerAnswer> {
  const vm = new EdgeVM({
    extend: (context) => Object.assign(context, { TOKENS: kv, WORKER_ENV: env }),
  });
  vm.evaluate(bundle);
  const answer = await vm.evaluate<Promise<string>>(`
    workerModule.default
      .fetch(new Request(${JSON.stringify(url)}), { ...WORKER_ENV, TOKENS })
      .then(async (response) => JSON.stringify({ status: response.status, body: await response.text() }))
  `);
  return JSON.parse(answer) as WorkerAnswer;
}
