import { join } from "node:path";
import { benchRoot } from "../measure/paths.js";
import type { BundleTarget } from "./measure-bundle.js";

/** One bundle a user could ship for "a typed client with auth and retry", and its entry file. */
export interface BundleStack {
  readonly name: string;
  readonly entry: string;
  /** What the stack gives for those bytes, so a smaller one is not mistaken for equivalent. */
  readonly covers: string;
  /** A full auth + retry stack users assemble instead (ky, axios): the target is to be smaller. */
  readonly alternativeStack?: boolean;
  /** The export condition it is bundled under (browser unless said). */
  readonly target?: BundleTarget;
}

const entry = (name: string) => join(benchRoot, "src/size/entries", `${name}.ts`);

export const loginkitStack: BundleStack = {
  name: "loginkit (`@loginkit/core` + `@loginkit/vero-oms`), browser",
  entry: entry("loginkit"),
  covers:
    "typed calls, lazy sign-in, renewal, replay once, single flight, retry, timeouts, typed errors, secrets scrubbed from errors and events, a browser's opaque redirects re-sent without credentials; no redirect following by hand or cookie jar (a browser does both), no fleet lease (it comes with a coordinating store)",
};

export const loginkitTabsStack: BundleStack = {
  name: "loginkit + `@loginkit/browser-store` (one session for all tabs), browser",
  entry: entry("loginkit-tabs"),
  covers:
    "the browser bundle above, plus a session shared by the tabs of an origin (Web Locks, BroadcastChannel) and the renewal lease the store brings",
};

export const loginkitNodeStack: BundleStack = {
  name: "loginkit (`@loginkit/core` + `@loginkit/vero-oms`), Node",
  entry: entry("loginkit"),
  covers:
    "the browser bundle's features, plus redirects followed by hand with credentials decided per origin and a cookie jar (Node's fetch can do both)",
  target: "node",
};

export const openapiFetchStack: BundleStack = {
  name: "bare openapi-fetch",
  entry: entry("openapi-fetch"),
  covers: "typed calls only",
};

export const bundleStacks: readonly BundleStack[] = [
  loginkitStack,
  loginkitNodeStack,
  loginkitTabsStack,
  openapiFetchStack,
  {
    name: "ky + refresh hook",
    entry: entry("ky"),
    covers: "retry, refresh per 401 (no single flight), untyped",
    alternativeStack: true,
  },
  {
    name: "axios + axios-retry + axios-auth-refresh",
    entry: entry("axios"),
    covers: "retry, refresh with queued 401s, untyped",
    alternativeStack: true,
  },
  {
    name: "@hey-api/client-fetch",
    entry: entry("hey-api"),
    covers: "typed calls (with generated SDK), static auth, no retry",
  },
  {
    name: "oidc-client-ts (UserManager)",
    entry: entry("oidc-client-ts"),
    covers: "OIDC sign-in redirect, silent renewal, token storage; no API calls, no retry",
    alternativeStack: true,
  },
  {
    name: "oauth4webapi, refresh subset",
    entry: entry("oauth4webapi-refresh"),
    covers:
      "discovery and a checked refresh-token grant; the app attaches tokens, no single flight, no retry",
    alternativeStack: true,
  },
];
