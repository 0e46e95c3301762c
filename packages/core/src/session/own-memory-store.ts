import type { StoredSession, TokenStore } from "./token-store.js";

/**
 * The default store: this one client's sessions, in memory. It coordinates nothing, as a single
 * client single-flights its renewals by itself; to share a session between clients, give them
 * one `createMemoryTokenStore()` (or a Redis or browser store).
 */
export function createOwnMemoryStore(): TokenStore {
  const sessions = new Map<string, StoredSession>();
  return {
    async get(key) {
      return sessions.get(key);
    },
    async set(key, session) {
      sessions.set(key, session);
    },
    async delete(key) {
      sessions.delete(key);
    },
  };
}
