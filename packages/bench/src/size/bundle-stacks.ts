import { join } from "node:path";
import { benchRoot } from "../measure/paths.js";

/** One bundle a user could ship for "a typed client with auth and retry", and its entry file. */
export interface BundleStack {
  readonly name: string;
  readonly entry: string;
  /** What the stack gives for those bytes, so a smaller one is not mistaken for equivalent. */
  readonly covers: string;
  /** A full auth + retry stack users assemble instead (ky, axios): the target is to be smaller. */
  readonly alternativeStack?: boolean;
}

const entry = (name: string) => join(benchRoot, "src/size/entries", `${name}.ts`);

export const loginkitStack: BundleStack = {
  name: "loginkit (`@loginkit/core` + `@loginkit/vero-oms`)",
  entry: entry("loginkit"),
  covers: "typed calls, lazy sign-in, renewal, replay once, single flight, retry, redirects",
};

export const openapiFetchStack: BundleStack = {
  name: "bare openapi-fetch",
  entry: entry("openapi-fetch"),
  covers: "typed calls only",
};

export const bundleStacks: readonly BundleStack[] = [
  loginkitStack,
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
];
