import { isFailedRead, readVersioned, type StoreAccess } from "./read-versioned.js";
import type { StoredSession } from "./token-store.js";

/** What the session manager lends the watch: its store, and the session it holds. */
export interface SignOutWatch extends StoreAccess {
  /** The session to check against the store after a notification, if there is one to check. */
  readonly held: () => StoredSession | undefined;
  /** Drops `held`, signed out by another client, unless a newer session replaced it meanwhile. */
  readonly drop: (held: StoredSession) => void;
}

/**
 * With a store that notifies (`subscribe`), another client's sign-out reaches this one: when the
 * store, read after a notification, holds a delete's tombstone, the session kept here was signed
 * out elsewhere and is dropped, so this client stops sending its token within one notification.
 */
export function watchSignOuts(watch: SignOutWatch): void {
  const { store, key, report } = watch;
  if (!store.subscribe) return;
  try {
    const unsubscribe = store.subscribe(key, () => {
      const held = watch.held();
      if (!held) return;
      void readVersioned(watch).then((read) => {
        const signedOut = read !== undefined && !isFailedRead(read) && read.session === undefined;
        if (signedOut) watch.drop(held);
      });
    });
    // Failing to listen costs only this early drop; a 401 still renews.
    unsubscribe.ready?.catch(() => {});
  } catch (error) {
    report("subscribe", error);
  }
}
