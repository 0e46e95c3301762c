import { axiosWithRefresh, axiosWithSharedRefresh } from "./axios-with-refresh.js";
import { bareOpenapiFetch } from "./bare-openapi-fetch.js";
import type { Contender } from "./client-contender.js";
import { heyApiClient } from "./hey-api-client.js";
import { kyWithRefreshHook } from "./ky-with-refresh-hook.js";
import { loginkit } from "./loginkit.js";
import { rawFetch } from "./raw-fetch.js";

/** Every client of the per-request tables, baselines first. */
export const requestContenders: readonly Contender[] = [
  rawFetch,
  bareOpenapiFetch,
  loginkit,
  kyWithRefreshHook,
  axiosWithRefresh,
  heyApiClient,
];

/** The clients that renew a token by themselves: the token storm's contenders. */
export const stormContenders: readonly Contender[] = [
  loginkit,
  kyWithRefreshHook,
  axiosWithRefresh,
  axiosWithSharedRefresh,
];
