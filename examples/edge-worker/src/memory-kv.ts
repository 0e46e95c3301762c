import type { KvNamespace } from "./kv-token-store.js";

/** A KV namespace in memory, for running the worker locally (`pnpm start`) and in its test. */
export function createMemoryKv(): KvNamespace & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (key) => entries.get(key) ?? null,
    put: async (key, value) => {
      entries.set(key, value);
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}
