import type { SignInRefusal } from "@loginkit/core";
import { type BrowserStorageKind, MAX_TIMER_MS } from "../browser-store-options.js";

/** A refused sign-in as the tabs share it: the provider's words, a digest, and when it lapses. */
export interface RefusalRecord {
  readonly refusal: SignInRefusal;
  /** Epoch ms, as `until`: every tab of the origin reads the same clock. The latest stands. */
  readonly recordedAt: number;
  readonly until: number;
}

const later = (a: RefusalRecord | undefined, b: RefusalRecord | undefined) =>
  !a ? b : !b ? a : b.recordedAt > a.recordedAt ? b : a;

/** A record from another tab or from localStorage, checked field by field (anything can post). */
export function checkRefusalRecord(value: unknown, now = Date.now()): RefusalRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { refusal, recordedAt, until } = value as Record<string, unknown>;
  if (typeof recordedAt !== "number" || typeof until !== "number") return undefined;
  // Finite, in order, and no further off than the longest cool-down (a timer's limit): a bogus
  // record cannot lock credentials out for years.
  if (!(recordedAt <= until && until - recordedAt <= MAX_TIMER_MS)) return undefined;
  if (!(until <= now + MAX_TIMER_MS)) return undefined;
  if (typeof refusal !== "object" || refusal === null) return undefined;
  const { fingerprint, message, status, code } = refusal as Record<string, unknown>;
  if (typeof fingerprint !== "string" || typeof message !== "string") return undefined;
  return {
    recordedAt,
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

  const forget = (key: string) => {
    try {
      shared?.removeItem(storageKey(key));
    } catch {
      // Denied: it is read as lapsed all the same.
    }
  };

  return {
    /** Keeps `record` (another tab's) unless this tab knows one recorded later. */
    remember(key: string, record: RefusalRecord): void {
      heard.set(key, later(heard.get(key), record)!);
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
    /** The refusal standing for `key` now, if any (the one recorded last), with when it lapses. */
    standing(key: string, now = Date.now()): RefusalRecord | undefined {
      const stored = load(key);
      const latest = later(heard.get(key), stored);
      if (latest && latest.until > now) return latest;
      heard.delete(key);
      // A lapsed digest of a wrong password (often a near-miss of the right one) is not kept.
      if (stored) forget(key);
      return undefined;
    },
  };
}
