import { ConfigurationError } from "../errors/ConfigurationError.js";
import { refuse } from "../options/option-checks.js";
import type { SessionEvent } from "./session-event.js";

/** A listener; an `async` one returns a promise, whose rejection is caught (see below). */
export type EventListener = (event: SessionEvent) => void;
export type EventType = SessionEvent["type"];

/** What a listener may ask for: only some event types (all when absent). */
export interface EventFilter {
  readonly types?: readonly EventType[];
}

/** Every event type, to check a filter against (a misspelt type would silently match nothing). */
const EVENT_TYPES: ReadonlySet<string> = new Set<EventType>([
  "signed-in",
  "renewed",
  "renewal-deferred",
  "renewal-skipped",
  "session-adopted",
  "lease-abandoned",
  "signed-out",
  "auth-failed",
  "store-failed",
  "retry",
  "request-start",
  "request-attempt",
  "request-end",
]);

const isRequestEvent = (type: string) => type.startsWith("request-");

interface Entry {
  listener: EventListener;
  types?: ReadonlySet<string>;
  /** Its first failure was reported; later ones are not (a logger failing on every event). */
  reported?: boolean;
}

/**
 * The client's event listeners: the `onEvent` option and those added later with
 * `client.onEvent(listener, filter)`. `emit` scrubs the event (every value, in every encoding
 * errors are scrubbed in) and calls each listener in turn. One that throws, or returns a promise
 * that rejects, never breaks a request, another listener or the process (an unhandled rejection
 * ends Node by default): its first failure is reported once on the console, by name only.
 */
export function createEventListeners(initial: EventListener | undefined) {
  const entries = new Set<Entry>();
  if (initial) entries.add({ listener: initial });
  let scrub: (event: SessionEvent) => SessionEvent = (event) => event;
  const report = (entry: Entry, error: unknown) => {
    if (entry.reported) return;
    entry.reported = true;
    const name = error instanceof Error ? error.name : typeof error;
    console.warn(
      `loginkit: an onEvent listener failed (${name}); the request went on, and this listener's later failures are not reported`,
    );
  };
  let wantsRequestEvents = initial !== undefined;
  const recount = () => {
    wantsRequestEvents = [...entries].some(
      ({ types }) => !types || [...types].some(isRequestEvent),
    );
  };
  return {
    /**
     * Whether some listener takes per-request events: they are not even built otherwise, so a
     * logger of sign-ins alone costs requests nothing.
     */
    get wantsRequestEvents() {
      return wantsRequestEvents;
    },
    emit(event: SessionEvent) {
      let safe: SessionEvent | undefined;
      for (const entry of [...entries]) {
        if (entry.types && !entry.types.has(event.type)) continue;
        try {
          safe ??= scrub(event);
          const result: unknown = entry.listener(safe);
          if (typeof (result as Promise<unknown> | undefined)?.then === "function") {
            (result as Promise<unknown>).then(undefined, (error: unknown) => report(entry, error));
          }
        } catch (error) {
          report(entry, error);
        }
      }
    },
    /** How events are scrubbed: the client's known secrets, once it has them. */
    scrubWith(scrubber: (event: SessionEvent) => SessionEvent) {
      scrub = scrubber;
    },
    /** Adds a listener; returns the function that removes it (once, even if added twice). */
    add(listener: EventListener, filter?: EventFilter): () => void {
      const entry = { listener, types: readTypes(filter) };
      entries.add(entry);
      recount();
      return () => {
        entries.delete(entry);
        recount();
      };
    },
  };
}

function readTypes(filter: EventFilter | undefined): ReadonlySet<string> | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter !== "object" || filter === null) {
    refuse("onEvent options", "an object such as { types: [...] }", filter);
  }
  const { types } = filter;
  if (types === undefined) return undefined;
  if (!Array.isArray(types) || types.length === 0) {
    refuse("onEvent types", "a non-empty array of event types", types);
  }
  for (const type of types) {
    if (typeof type === "string" && EVENT_TYPES.has(type)) continue;
    // An event type is no secret: the wrong one is named, cut short.
    const given = typeof type === "string" ? `"${type.slice(0, 40)}"` : typeof type;
    throw new ConfigurationError(
      `\`onEvent\` types: ${given} is not an event type (one of: ${[...EVENT_TYPES].join(", ")})`,
      { option: "onEvent" },
    );
  }
  return new Set(types);
}
