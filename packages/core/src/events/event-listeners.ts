import type { SessionEvent } from "./session-event.js";

export type EventListener = (event: SessionEvent) => void;

/**
 * The client's event listeners: the `onEvent` option and those added later with
 * `client.onEvent(listener)`. `emit` calls each in turn; one that throws is ignored, so a broken
 * logger never breaks a sign-in or another listener.
 */
export function createEventListeners(initial: EventListener | undefined) {
  const listeners = new Set<EventListener>();
  if (initial) listeners.add(initial);
  return {
    /** Whether anyone listens: per-request events are not even built otherwise. */
    get listening() {
      return listeners.size > 0;
    },
    emit(event: SessionEvent) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // Deliberately ignored, see above.
        }
      }
    },
    /** Adds a listener; returns the function that removes it (once, even if added twice). */
    add(listener: EventListener): () => void {
      const entry: EventListener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
  };
}
