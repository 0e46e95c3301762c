import type { TokenStore } from "@loginkit/core";

/**
 * Wraps a store to tell the driver when it hands the renewal lease to this process's client, so
 * a fault test knows which process to kill mid-renewal. Every other call passes through.
 */
export function observeLease<Store extends TokenStore>(
  store: Store,
  onLeaseTaken: () => void,
): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "acquireLease" || typeof value !== "function") {
        return typeof value === "function" ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        const taken = await value.apply(target, args);
        if (taken === true) onLeaseTaken();
        return taken;
      };
    },
  });
}
