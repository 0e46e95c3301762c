import type { RefusalRecord } from "../refusals/refusal-board.js";
import type { SessionRecord } from "../storage/session-record.js";

/**
 * What tabs of one store say to each other over the BroadcastChannel. A `changed` message
 * carries the record itself, so a tab keeping sessions in memory or sessionStorage gets the new
 * session without reading shared storage, and a tab on localStorage does not depend on how soon
 * the browser propagates the write.
 */
export type TabMessage =
  /** `countedAt`: when the sender counted the open tabs; only those acknowledge (see `applied`). */
  | { type: "changed"; key: string; id: string; record: SessionRecord; countedAt?: number }
  /** A tab applied the `changed` or `refused` message `id`: its sender waits until all have. */
  | { type: "applied"; key: string; id: string }
  | { type: "released"; key: string }
  | { type: "ask"; key: string; id: string }
  /** What the asking tab lacks: the session an open tab holds, a refusal standing, or both. */
  | { type: "answer"; key: string; id: string; record?: SessionRecord; refusal?: RefusalRecord }
  /**
   * A sign-in under `key` was refused: the other tabs do not send the same credentials again.
   * Acknowledged with `applied`, as a change is.
   */
  | { type: "refused"; key: string; id: string; record: RefusalRecord; countedAt?: number };

/** A message from the channel, if it has the shape of one (anything can post to a channel). */
export function readTabMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const message = data as Partial<Record<string, unknown>>;
  if (typeof message.key !== "string") return undefined;
  switch (message.type) {
    case "changed":
    case "applied":
    case "released":
    case "ask":
    case "answer":
    case "refused":
      return message as TabMessage;
    default:
      return undefined;
  }
}
