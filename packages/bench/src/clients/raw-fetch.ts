import type { Contender } from "./client-contender.js";
import { signInOnce } from "./sign-in-once.js";

export const rawFetch: Contender = {
  name: "raw fetch",
  setup: "fetch + a static bearer header; no retry, no renewal",
  async create({ baseUrl, fetch: fetchImpl = fetch }) {
    const authorization = `Bearer ${await signInOnce(baseUrl, fetchImpl)}`;
    const url = `${baseUrl}/api/orders`;
    return {
      listOrders: async () => (await fetchImpl(url, { headers: { authorization } })).json(),
      signInsStarted: () => 1,
    };
  },
};
