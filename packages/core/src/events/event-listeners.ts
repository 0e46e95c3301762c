import { ConfigurationError } from "../errors/ConfigurationError.js";
import { refuse } from "../options/option-checks.js";
import type { SessionEvent } from "./session-event.js";

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

/**
 * The client's event listeners: the `onEvent` option and those added later with
 * `client.onEvent(listener, filter)`. `emit` calls each in turn; one that throws is ignored, so a
 * broken logger never breaks a sign-in or another listener.
 */
export function createEventListeners(initial: EventListener | undefined) {
  const entries = new Set<{ listener: EventListener; types?: ReadonlySet<string> }>();
  if (initial) entries.add({ listener: initial });
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
      for (const { listener, types } of [...entries]) {
        if (types && !types.has(event.type)) continue;
        try {
          listener(event);
        } catch {
          // Deliberately ignored, see above.
        }
      }
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
