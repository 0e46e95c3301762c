// `pnpm start`: the worker on http://127.0.0.1:8787 with a KV namespace in memory, as
// `wrangler dev` would serve it. Enad's settings come from the environment (see README.md).
import { serveFetchHandler } from "@loginkit/testkit";
import { createMemoryKv } from "./memory-kv.js";
import worker, { type Env } from "./worker.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name} (see examples/edge-worker/README.md)`);
  return value;
}

const env: Env = {
  ...(process.env.ENAD_BASE_URL ? { ENAD_BASE_URL: process.env.ENAD_BASE_URL } : {}),
  ENAD_APP_ID: required("ENAD_APP_ID"),
  ENAD_EMAIL: required("ENAD_EMAIL"),
  ENAD_PASSWORD: required("ENAD_PASSWORD"),
  TOKENS: createMemoryKv(),
};
const server = await serveFetchHandler((request) => worker.fetch(request, env), {
  port: Number(process.env.PORT ?? 8787),
});
console.log(`worker on ${server.url}: try ${server.url}/enad/__loginkit/protected`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void server.close().then(() => process.exit(0)));
