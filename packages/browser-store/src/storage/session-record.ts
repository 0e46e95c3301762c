import type { StoredSession } from "@loginkit/core";
import { parseStoredSession } from "@loginkit/core";

/** What the store keeps per key: the version counter survives a delete (no session then). */
export interface SessionRecord {
  readonly version: number;
  readonly session?: StoredSession;
}

const marker = "loginkit1:";

export function encodeRecord(record: SessionRecord): string {
  return marker + JSON.stringify(record);
}

/** The record in a stored string, or why it is not one (another script's value under our key). */
export function decodeRecord(
  text: string,
): SessionRecord | { unreadable: "foreign-value" | "invalid-session" } {
  if (!text.startsWith(marker)) return { unreadable: "foreign-value" };
  let value: { version?: unknown; session?: unknown };
  try {
    value = JSON.parse(text.slice(marker.length));
  } catch {
    return { unreadable: "invalid-session" };
  }
  return checkRecord(value) ?? { unreadable: "invalid-session" };
}

/** A record received from another tab or read back, checked field by field. */
export function checkRecord(value: unknown): SessionRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { version, session } = value as { version?: unknown; session?: unknown };
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 1) {
    return undefined;
  }
  if (session === undefined || session === null) return { version };
  const parsed = parseStoredSession(session);
  return parsed ? { version, session: parsed } : undefined;
}
