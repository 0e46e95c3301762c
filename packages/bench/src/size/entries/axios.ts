// axios with axios-retry and axios-auth-refresh: the other stack users assemble.
import axios from "axios";
import { createAuthRefresh } from "axios-auth-refresh";
import axiosRetry from "axios-retry";

let token = "";
const api = axios.create({ baseURL: "https://api-oms.verolabs.co" });
axiosRetry(api, { retries: 2, retryDelay: axiosRetry.exponentialDelay });
api.interceptors.request.use((config) => {
  config.headers.set("authorization", `Bearer ${token}`);
  return config;
});
// axios-auth-refresh types name axios's CommonJS types, ours are its ESM ones: same object, two declarations.
createAuthRefresh(api as never, async (failed: { response: { config: { headers: Headers } } }) => {
  const { data } = await axios.post<{ jwt: string }>(
    "https://platform.verolabs.co/api/auth/login",
    { identifier: "a", password: "b" },
  );
  token = data.jwt;
  failed.response.config.headers.set("authorization", `Bearer ${token}`);
});

export const listOrders = () => api.get("/api/orders");
