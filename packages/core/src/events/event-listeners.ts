import { ConfigurationError } from "../errors/ConfigurationError.js";
import { refuse } from "../options/option-checks.js";
import { EVENT_LEVELS } from "./event-levels.js";
import type { SessionEvent } from "./session-event.js";

/** A listener; an `async` one returns a promise, whose rejection is caught (see below). */
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

/** Whether `type` names an event (a misspelt type in a filter would silently match nothing). */
const isEventType = (type: unknown): type is EventType =>
  typeof type === "string" && Object.hasOwn(EVENT_LEVELS, type);

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

/** The objects that events of one request or send share (see `scrubEvent`). */
const SHARED_OBJECTS = ["request", "send"] as const;

const isRequestEvent = (type: string) => type.startsWith("request-");
const isSendEvent = (type: string) => type.startsWith("send-");

interface Entry {
  listener: EventListener;
  types?: ReadonlySet<string>;
  scope?: EventScope;
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
  let wantsSendEvents = false;
  const recount = () => {
    const all = [...entries];
    wantsRequestEvents = all.some(({ types }) => !types || [...types].some(isRequestEvent));
    wantsSendEvents = all.some(({ types }) => types && [...types].some(isSendEvent));
  };
  // The scrubbed copy of each `request` and `send` object, made once: every event of one request
  // or send carries the same object, which is how a tracer pairs a start with its end.
  const shared = new WeakMap<object, unknown>();
  const scrubEvent = (event: SessionEvent): SessionEvent => {
    const safe = scrub(event) as SessionEvent & Record<string, unknown>;
    for (const key of SHARED_OBJECTS) {
      const original = (event as Record<string, unknown>)[key];
      if (typeof original !== "object" || original === null) continue;
      if (!shared.has(original)) shared.set(original, safe[key]);
      safe[key] = shared.get(original);
    }
    return safe;
  };
  const takes = ({ types }: Entry, type: string) => (types ? types.has(type) : !OPT_IN.has(type));
  /** Calls each listener that takes the event with its scrubbed copy; returns that copy. */
  const emit = (event: SessionEvent): SessionEvent => {
    let safe: SessionEvent | undefined;
    for (const entry of [...entries]) {
      if (!takes(entry, event.type)) continue;
      try {
        safe ??= scrubEvent(event);
        const result: unknown = entry.listener(safe);
        if (typeof (result as Promise<unknown> | undefined)?.then === "function") {
          (result as Promise<unknown>).then(undefined, (error: unknown) => report(entry, error));
        }
      } catch (error) {
        report(entry, error);
      }
    }
    return safe ?? event;
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
      // Scopes are handed the scrubbed event too: a tracer's span attributes come from it.
      const safe = emit(event);
      let scoped = run;
      for (const entry of entries) {
        const { scope } = entry;
        if (!scope || !takes(entry, event.type)) continue;
        const inner = scoped;
        scoped = () => {
          // A scope that throws before running the work must not lose it: run it unscoped.
          let ran = false;
          try {
            return scope(safe, () => {
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
    /** How events are scrubbed: the client's known secrets, once it has them. */
    scrubWith(scrubber: (event: SessionEvent) => SessionEvent) {
      scrub = scrubber;
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
    if (isEventType(type)) continue;
    // An event type is no secret: the wrong one is named, cut short.
    const given = typeof type === "string" ? `"${type.slice(0, 40)}"` : typeof type;
    throw new ConfigurationError(
      `\`onEvent\` types: ${given} is not an event type (one of: ${Object.keys(EVENT_LEVELS).join(", ")})`,
      { option: "onEvent" },
    );
  }
  return new Set(types);
}
