import type { RedisClientLike, RedisSubscriberLike } from "../redis-client-like.js";
import { emitStoreEvent, type RedisStoreEvent } from "../redis-store-event.js";

/** Stops a listener; `ready` settles once the subscription is active (true) or failed (false). */
export interface Unsubscribe {
  (): void;
  readonly ready: Promise<boolean>;
}

/** Fans one Redis channel subscription out to every local listener of that channel. */
export interface ChangeFeed {
  listen(channel: string, listener: () => void): Unsubscribe;
  close(): Promise<void>;
}

/**
 * Opens the pub/sub connection (`client.duplicate()`) on the first listener only, so a store that
 * never subscribes holds one connection. node-redis resubscribes by itself after a reconnect; a
 * connection that could not be opened at all is tried again by the next `listen`.
 */
export function createChangeFeed(
  client: RedisClientLike,
  onEvent: ((event: RedisStoreEvent) => void) | undefined,
): ChangeFeed {
  let subscriber: Promise<RedisSubscriberLike> | undefined;
  const listeners = new Map<string, Set<() => void>>();
  const subscribed = new Map<string, Promise<boolean>>();
  const reportFailure = (error: unknown) =>
    emitStoreEvent(onEvent, {
      type: "subscriber-failed",
      error: (error as Error)?.name ?? "Error",
    });

  const connect = () => {
    subscriber ??= (async () => {
      const connection = client.duplicate();
      connection.on("error", reportFailure);
      try {
        await connection.connect();
      } catch (error) {
        connection.destroy();
        throw error;
      }
      return connection;
    })().catch((error) => {
      subscriber = undefined;
      throw error;
    });
    return subscriber;
  };
  const notify = (channel: string) => {
    for (const listener of listeners.get(channel) ?? []) {
      try {
        listener();
      } catch {
        // A listener's failure is its own: the other listeners still hear the change.
      }
    }
  };
  const ensureSubscribed = (channel: string) => {
    let active = subscribed.get(channel);
    if (!active) {
      active = connect()
        .then((connection) => connection.subscribe(channel, () => notify(channel)))
        .then(
          () => true,
          (error) => {
            subscribed.delete(channel);
            reportFailure(error);
            return false;
          },
        );
      subscribed.set(channel, active);
    }
    return active;
  };

  return {
    listen(channel, listener) {
      let channelListeners = listeners.get(channel);
      if (!channelListeners) {
        channelListeners = new Set();
        listeners.set(channel, channelListeners);
      }
      channelListeners.add(listener);
      const ready = ensureSubscribed(channel);
      const unsubscribe = () => {
        const current = listeners.get(channel);
        if (!current?.delete(listener) || current.size > 0) return;
        listeners.delete(channel);
        if (!subscribed.delete(channel)) return;
        subscriber?.then((connection) => connection.unsubscribe(channel)).catch(reportFailure);
      };
      return Object.assign(unsubscribe, { ready });
    },
    async close() {
      listeners.clear();
      subscribed.clear();
      const pending = subscriber;
      subscriber = undefined;
      const connection = await pending?.catch(() => undefined);
      connection?.destroy();
    },
  };
}
