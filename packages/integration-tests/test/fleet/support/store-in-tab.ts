import type { BrowserTokenStoreOptions, StoredSession, Unsubscribe } from "@loginkit/browser-store";
import type { Page } from "playwright-core";
import type { ContractStore } from "../contract/contract-store.js";

type PageWindow = typeof globalThis & {
  loginkitBrowserStore: typeof import("@loginkit/browser-store");
  store: import("@loginkit/browser-store").BrowserTokenStore;
  unsubscribes: Map<number, () => void>;
  events: unknown[];
  notifyTest(id: number): void;
};

let nextSubscription = 0;
// One binding per page (it survives reloads), shared by every store created in that page.
const pageListeners = new WeakMap<Page, Map<number, () => void>>();

async function listenersOf(page: Page) {
  let listeners = pageListeners.get(page);
  if (!listeners) {
    const created = new Map<number, () => void>();
    pageListeners.set(page, created);
    await page.exposeFunction("notifyTest", (id: number) => created.get(id)?.());
    listeners = created;
  }
  return listeners;
}

/**
 * A browser store created inside `page`, driven from the test: every method runs in the tab, and
 * a tab's `subscribe` notifications come back through an exposed binding.
 */
export async function createStoreInTab(
  page: Page,
  options: BrowserTokenStoreOptions = {},
): Promise<
  Omit<ContractStore, "subscribe"> & {
    readonly page: Page;
    subscribe(key: string, listener: () => void): Unsubscribe;
    events(): Promise<unknown[]>;
  }
> {
  const listeners = await listenersOf(page);
  await page.evaluate((storeOptions) => {
    const tab = globalThis as PageWindow;
    tab.events = [];
    tab.unsubscribes = new Map();
    tab.store = tab.loginkitBrowserStore.createBrowserTokenStore({
      ...storeOptions,
      onEvent: (event) => tab.events.push(event),
    });
  }, options);

  const call = <T>(method: string, ...args: unknown[]) =>
    page.evaluate(
      ([name, values]) =>
        // biome-ignore lint/suspicious/noExplicitAny: a method picked by name, checked by the caller's type
        ((globalThis as PageWindow).store as any)[name as string](...(values as unknown[])),
      [method, args] as const,
    ) as Promise<T>;

  return {
    page,
    read: (key) => call("read", key),
    get: (key) => call("get", key),
    set: (key, session: StoredSession) => call("set", key, session),
    delete: (key) => call("delete", key),
    compareAndSet: (key, expected, session) => call("compareAndSet", key, expected, session),
    acquireLease: (key, owner, ttl) => call("acquireLease", key, owner, ttl),
    releaseLease: (key, owner) => call("releaseLease", key, owner),
    recordRefusal: (key, refusal, ttl) => call("recordRefusal", key, refusal, ttl),
    readRefusal: (key) => call("readRefusal", key),
    subscribe(key, listener) {
      const id = nextSubscription++;
      listeners.set(id, listener);
      const ready = page
        .evaluate(
          ([subscribedKey, subscription]) => {
            const tab = globalThis as PageWindow;
            const unsubscribe = tab.store.subscribe(subscribedKey, () =>
              tab.notifyTest(subscription),
            );
            tab.unsubscribes.set(subscription, unsubscribe);
          },
          [key, id] as const,
        )
        .then(() => true);
      const unsubscribe = () => {
        listeners.delete(id);
        void page
          .evaluate((subscription) => {
            const tab = globalThis as PageWindow;
            tab.unsubscribes.get(subscription)?.();
          }, id)
          .catch(() => {});
      };
      return Object.assign(unsubscribe, { ready });
    },
    events: () => page.evaluate(() => (globalThis as PageWindow).events),
  };
}
