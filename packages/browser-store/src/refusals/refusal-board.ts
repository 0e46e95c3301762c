import type { SignInRefusal } from "@loginkit/core";
import type { BrowserStorageKind } from "../browser-store-options.js";

/** A refused sign-in as the tabs share it: the provider's words, a digest, and when it lapses. */
export interface RefusalRecord {
  readonly refusal: SignInRefusal;
  /** Epoch ms: every tab of the origin reads the same clock. */
  readonly until: number;
}

/** A record from another tab or from localStorage, checked field by field (anything can post). */
export function checkRefusalRecord(value: unknown): RefusalRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { refusal, until } = value as { refusal?: unknown; until?: unknown };
  if (typeof until !== "number" || !Number.isFinite(until)) return undefined;
  if (typeof refusal !== "object" || refusal === null) return undefined;
  const { fingerprint, message, status, code } = refusal as Record<string, unknown>;
  if (typeof fingerprint !== "string" || typeof message !== "string") return undefined;
  return {
    until,
    refusal: {
      fingerprint,
      message,
      ...(typeof status === "number" ? { status } : {}),
      ...(typeof code === "string" ? { code } : {}),
    },
  };
}

/**
 * The sign-in refusals the tabs of one store share (account-lockout protection: see core's
 * `refusalCoolDown`). Each tab keeps what it recorded or heard on the channel, and hands it to a
 * tab opened later that asks the open ones; with `"local"` storage the record is also written
 * there, so a tab reloaded when no other was open knows it too.
 */
export function createRefusalBoard(kind: BrowserStorageKind, name: string) {
  const heard = new Map<string, RefusalRecord>();
  const shared = kind === "local" ? globalThis.localStorage : undefined;
  // Not under `${name}:`, where the sessions are: no session key can name a refusal.
  const storageKey = (key: string) => `${name}#refusal:${key}`;

  const load = (key: string): RefusalRecord | undefined => {
    try {
      const text = shared?.getItem(storageKey(key));
      return text ? checkRefusalRecord(JSON.parse(text)) : undefined;
    } catch {
      // Unreadable or not ours: no refusal is known, so the sign-in is tried.
      return undefined;
    }
  };

  return {
    /** Keeps `record` (this tab's or another's); an older one never replaces a later one. */
    remember(key: string, record: RefusalRecord): void {
      const known = heard.get(key);
      if (known && known.until > record.until) return;
      heard.set(key, record);
    },
    /** Keeps this tab's own refusal and writes it where later tabs read (localStorage). */
    record(key: string, record: RefusalRecord): void {
      heard.set(key, record);
      try {
        shared?.setItem(storageKey(key), JSON.stringify(record));
      } catch {
        // Storage full or denied: the tabs open now still hear it on the channel.
      }
    },
    /** The refusal standing for `key` now, if any, with when it lapses. */
    standing(key: string, now = Date.now()): RefusalRecord | undefined {
      const known = heard.get(key);
      const stored = load(key);
      const latest = !known
        ? stored
        : !stored
          ? known
          : stored.until > known.until
            ? stored
            : known;
      if (!latest || latest.until <= now) {
        heard.delete(key);
        return undefined;
      }
      return latest;
    },
  };
}
