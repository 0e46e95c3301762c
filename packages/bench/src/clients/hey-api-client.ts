import { createClient } from "@hey-api/client-fetch";
import type { Contender } from "./client-contender.js";
import { signInOnce } from "./sign-in-once.js";

export const heyApiClient: Contender = {
  name: "@hey-api/client-fetch",
  setup: "createClient with its `auth` callback and a bearer security entry; no retry, no renewal",
  async create({ baseUrl, fetch: fetchImpl }) {
    const token = await signInOnce(baseUrl, fetchImpl);
    const client = createClient({ baseUrl, fetch: fetchImpl, auth: () => token });
    const security = [{ type: "http" as const, scheme: "bearer" as const }];
    return {
      listOrders: async () => (await client.get({ url: "/api/orders", security })).data,
      signInsStarted: () => 1,
    };
  },
};
