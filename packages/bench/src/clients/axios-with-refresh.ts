import axios from "axios";
import { createAuthRefresh } from "axios-auth-refresh";
import axiosRetry from "axios-retry";
import { benchCredentials } from "../server/bench-provider.js";
import type { Contender } from "./client-contender.js";

export const axiosWithRefresh: Contender = {
  name: "axios + axios-retry + axios-auth-refresh",
  setup:
    "axios-retry 2 retries; request interceptor sets the token; axios-auth-refresh signs in again on a 401 (Node http adapter, or the fetch adapter when a fetch is injected)",
  async create({ baseUrl, fetch: fetchImpl }) {
    let token = "";
    let signIns = 0;
    const transport = fetchImpl ? { adapter: "fetch" as const, env: { fetch: fetchImpl } } : {};
    const signIn = async () => {
      signIns++;
      const { data } = await axios.post<{ jwt: string }>(
        `${baseUrl}/api/auth/login`,
        benchCredentials,
        transport,
      );
      token = data.jwt;
    };
    await signIn();
    const api = axios.create({ baseURL: baseUrl, ...transport });
    axiosRetry(api, { retries: 2, retryDelay: axiosRetry.exponentialDelay });
    api.interceptors.request.use((config) => {
      config.headers.set("authorization", `Bearer ${token}`);
      return config;
    });
    // axios-auth-refresh types name axios's CommonJS types, ours are its ESM ones: same object.
    createAuthRefresh(
      api as never,
      async (failed: { response: { config: { headers: Headers } } }) => {
        await signIn();
        failed.response.config.headers.set("authorization", `Bearer ${token}`);
      },
    );
    return {
      listOrders: async () => (await api.get("/api/orders")).data,
      signInsStarted: () => signIns,
    };
  },
};
