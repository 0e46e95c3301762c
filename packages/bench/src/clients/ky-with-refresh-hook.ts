import ky from "ky";
import { benchCredentials } from "../server/bench-provider.js";
import type { Contender } from "./client-contender.js";

export const kyWithRefreshHook: Contender = {
  name: "ky + refresh hook",
  setup:
    "ky retry limit 2; beforeRequest sets the token; ky's README afterResponse hook signs in again on a 401 and retries",
  async create({ baseUrl, fetch: fetchImpl }) {
    let token = "";
    let signIns = 0;
    const signIn = async () => {
      signIns++;
      const body = await ky
        .post(`${baseUrl}/api/auth/login`, { json: benchCredentials, fetch: fetchImpl })
        .json<{ jwt: string }>();
      token = body.jwt;
      return token;
    };
    await signIn();
    const api = ky.create({
      baseUrl,
      fetch: fetchImpl,
      retry: { limit: 2 },
      hooks: {
        beforeRequest: [({ request }) => request.headers.set("authorization", `Bearer ${token}`)],
        afterResponse: [
          async ({ request, response, retryCount }) => {
            if (response.status !== 401 || retryCount !== 0) return;
            const headers = new Headers(request.headers);
            headers.set("authorization", `Bearer ${await signIn()}`);
            return ky.retry({
              request: new Request(request, { headers }),
              code: "TOKEN_REFRESHED",
            });
          },
        ],
      },
    });
    return { listOrders: () => api.get("api/orders").json(), signInsStarted: () => signIns };
  },
};
