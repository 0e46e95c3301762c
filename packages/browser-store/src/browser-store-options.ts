import type { BrowserStoreEvent } from "./browser-store-event.js";

/** Where the tab keeps sessions; see the README for what each means for XSS and sharing. */
export type BrowserStorageKind = "memory" | "session" | "local";

export interface BrowserTokenStoreOptions {
  /**
   * `memory`: this tab's memory only, handed to and from other tabs over BroadcastChannel (gone
   * when the last tab closes). `session`: sessionStorage (survives a reload of this tab, per tab,
   * also handed over). `local`: localStorage (shared by every tab, survives a browser restart).
   * @default "memory"
   */
  storage?: BrowserStorageKind;
  /** Names the BroadcastChannel, the Web Locks and the storage keys; stores with the same name
   * in one origin share sessions. @default "loginkit" */
  name?: string;
  /** The longest a write waits for another tab's write of the same key, in ms. @default 2_000 */
  timeout?: number;
  /** How long a tab with no session waits for another tab to hand one over, in ms. Only asked
   * when another tab of the same store is open. @default 250 */
  handOffTimeout?: number;
  /** Told about corrupt values; never given a token. */
  onEvent?: (event: BrowserStoreEvent) => void;
}

/** What a timer can hold: a longer delay fires at once. The bound of every time the store takes. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The defaults of `createBrowserTokenStore`, in one place. */
export const defaultBrowserStoreOptions = {
  storage: "memory",
  name: "loginkit",
  timeout: 2_000,
  handOffTimeout: 250,
} as const satisfies Required<Omit<BrowserTokenStoreOptions, "onEvent">>;
