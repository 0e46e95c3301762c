import { ConfigurationError } from "../errors/ConfigurationError.js";
import { refuse } from "../options/option-checks.js";
import type { SessionEvent } from "./session-event.js";

export type EventListener = (event: SessionEvent) => void;
export type EventType = SessionEvent["type"];

/**
 * Runs the work a start event begins (`request-start`, `renewal-start`, `sign-out-start`) and
 * returns what `run` returns. A tracer makes that work's span current here (OpenTelemetry:
 * `context.with`), so what the work causes (a sign-in, a send) is that span's child.
 */
export type EventScope = <T>(event: SessionEvent, run: () => T) => T;

/** What a listener may ask for: only some event types (all when absent), and a scope. */
export interface EventFilter {
  readonly types?: readonly EventType[];
  readonly scope?: EventScope;
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
  "renewal-start",
  "refresh-refused",
  "sign-out-start",
  "send-start",
  "send-end",
]);

/**
 * Events that bracket work for a tracer: a listener gets them only when its `types` name them,
 * so a plain `onEvent` logger sees the same stream as before they existed.
 */
const OPT_IN: ReadonlySet<string> = new Set<EventType>([
  "renewal-start",
  "sign-out-start",
  "send-start",
  "send-end",
]);

const isRequestEvent = (type: string) => type.startsWith("request-");
const isSendEvent = (type: string) => type.startsWith("send-");

/**
 * The client's event listeners: the `onEvent` option and those added later with
 * `client.onEvent(listener, filter)`. `emit` calls each in turn; one that throws is ignored, so a
 * broken logger never breaks a sign-in or another listener.
 */
export function createEventListeners(initial: EventListener | undefined) {
  const entries = new Set<{
    listener: EventListener;
    types?: ReadonlySet<string>;
    scope?: EventScope;
  }>();
  if (initial) entries.add({ listener: initial });
  let wantsRequestEvents = initial !== undefined;
  let wantsSendEvents = false;
  const recount = () => {
    const all = [...entries];
    wantsRequestEvents = all.some(({ types }) => !types || [...types].some(isRequestEvent));
    wantsSendEvents = all.some(({ types }) => types && [...types].some(isSendEvent));
  };
  const emit = (event: SessionEvent) => {
    for (const { listener, types } of [...entries]) {
      if (types ? !types.has(event.type) : OPT_IN.has(event.type)) continue;
      try {
        listener(event);
      } catch {
        // Deliberately ignored, see above.
      }
    }
  };
  return {
    /**
     * Whether some listener takes per-request events: they are not even built otherwise, so a
     * logger of sign-ins alone costs requests nothing.
     */
    get wantsRequestEvents() {
      return wantsRequestEvents;
    },
    /** Whether some listener named `send-start` or `send-end`: each send is reported only then. */
    get wantsSendEvents() {
      return wantsSendEvents;
    },
    emit,
    /**
     * Emits a start event and runs the work it begins inside every listener's scope. With no
     * scope (no tracer), `run` is called as it is.
     */
    scope<T>(event: SessionEvent, run: () => T): T {
      emit(event);
      let scoped = run;
      for (const { scope, types } of entries) {
        if (!scope || (types ? !types.has(event.type) : OPT_IN.has(event.type))) continue;
        const inner = scoped;
        scoped = () => {
          // A scope that throws before running the work must not lose it: run it unscoped.
          let ran = false;
          try {
            return scope(event, () => {
              ran = true;
              return inner();
            });
          } catch (error) {
            if (ran) throw error;
            return inner();
          }
        };
      }
      return scoped();
    },
    /** Adds a listener; returns the function that removes it (once, even if added twice). */
    add(listener: EventListener, filter?: EventFilter): () => void {
      const entry = { listener, types: readTypes(filter), scope: readScope(filter) };
      entries.add(entry);
      recount();
      return () => {
        entries.delete(entry);
        recount();
      };
    },
  };
}

function readScope(filter: EventFilter | undefined): EventScope | undefined {
  const scope = filter?.scope;
  if (scope !== undefined && typeof scope !== "function") {
    refuse("onEvent scope", "a function (event, run) => run()", scope);
  }
  return scope;
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
