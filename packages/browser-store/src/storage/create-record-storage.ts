import type { BrowserStorageKind } from "../browser-store-options.js";
import { decodeRecord, encodeRecord, type SessionRecord } from "./session-record.js";

/** Where one tab keeps its records. `shared`: every tab of the origin reads the same one. */
export interface RecordStorage {
  readonly shared: boolean;
  load(
    key: string,
  ): SessionRecord | { unreadable: "foreign-value" | "invalid-session" } | undefined;
  save(key: string, record: SessionRecord): void;
}

function webStorage(storage: Storage, prefix: string, shared: boolean): RecordStorage {
  return {
    shared,
    load(key) {
      const text = storage.getItem(prefix + key);
      return text === null ? undefined : decodeRecord(text);
    },
    save(key, record) {
      storage.setItem(prefix + key, encodeRecord(record));
    },
  };
}

function memoryStorage(): RecordStorage {
  const records = new Map<string, SessionRecord>();
  return {
    shared: false,
    load: (key) => records.get(key),
    save: (key, record) => void records.set(key, record),
  };
}

export function createRecordStorage(kind: BrowserStorageKind, name: string): RecordStorage {
  const prefix = `${name}:`;
  if (kind === "local") return webStorage(globalThis.localStorage, prefix, true);
  if (kind === "session") return webStorage(globalThis.sessionStorage, prefix, false);
  return memoryStorage();
}
