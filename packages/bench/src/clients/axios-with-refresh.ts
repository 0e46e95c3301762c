import axios from "axios";
import { createAuthRefreshInterceptor } from "axios-auth-refresh";
import axiosRetry from "axios-retry";
import { benchCredentials } from "../server/bench-provider.js";
import type { Contender } from "./client-contender.js";

/**
 * axios-auth-refresh as its README wires it: `createAuthRefreshInterceptor` (v5's name for
 * `createAuthRefresh`) with a refresh callback that stores the token and sets it on the failed
 * request, plus a request interceptor that reads the token on every call.
 *
 * `deduplicateRefresh` is v5's `pauseInstanceWhileRefreshing`. At its default (true) the 401s that
 * arrive while a refresh runs are rejected, not queued: only requests *started* during the refresh
 * wait for it (Flyrell/axios-auth-refresh#307, #90). Set to false, the README says each 401
 * refreshes on its own; in fact they share the in-flight refresh call, and all are replayed.
 */
function createAxiosContender(deduplicateRefresh: boolean): Contender {
  return {
    name: `axios + axios-retry + axios-auth-refresh${deduplicateRefresh ? "" : " (deduplicateRefresh: false)"}`,
    setup: `axios-retry 2 retries; request interceptor sets the token; createAuthRefreshInterceptor signs in again on a 401 with \`deduplicateRefresh: ${deduplicateRefresh}\`${deduplicateRefresh ? " (its default)" : ""} (Node http adapter, or the fetch adapter when a fetch is injected)`,
    async create({ baseUrl, fetch: fetchImpl }) {
      let token = "";
      let signIns = 0;
      const transport = fetchImpl ? { adapter: "fetch" as const, env: { fetch: fetchImpl } } : {};
      const signIn = async () => {
        signIns++;
        // skipAuthRefresh: the README requires it when deduplicateRefresh is off (no refresh loop).
        const { data } = await axios.post<{ jwt: string }>(
          `${baseUrl}/api/auth/login`,
          benchCredentials,
          { ...transport, skipAuthRefresh: true } as never,
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
      createAuthRefreshInterceptor(
        api as never,
        async (failed: { response: { config: { headers: Headers } } }) => {
          await signIn();
          failed.response.config.headers.set("authorization", `Bearer ${token}`);
        },
        { deduplicateRefresh },
      );
      return {
        listOrders: async () => (await api.get("/api/orders")).data,
        signInsStarted: () => signIns,
      };
    },
  };
}

/** The README's wiring at its defaults: what a user gets by following it. */
export const axiosWithRefresh = createAxiosContender(true);

/** The one option that makes concurrent 401s wait for the refresh (see above). */
export const axiosWithSharedRefresh = createAxiosContender(false);
