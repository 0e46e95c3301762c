import type { StoredSession } from "@loginkit/core";
import { parseStoredSession } from "@loginkit/core";
import { decodeBase64, encodeBase64 } from "./bytes.js";

// A marker first, so a value another program left under our key is told apart from ours.
const plainMarker = "loginkit1:json:";
const sealedMarker = "loginkit1:aes-gcm:";
const ivBytes = 12;

/** Why a stored value could not be read as a session. */
export type UnreadableReason =
  | "foreign-value"
  | "undecryptable"
  | "unencrypted"
  | "invalid-session";

export type DecodeResult =
  | { readonly session: StoredSession }
  | { readonly unreadable: UnreadableReason };

export interface SessionCodec {
  encode(session: StoredSession, redisKey: string): Promise<string>;
  decode(payload: string, redisKey: string): Promise<DecodeResult>;
}

/**
 * Turns sessions into what Redis stores. With a key: AES-GCM with a fresh random 96-bit IV per
 * write and the Redis key as additional data, so a payload copied under another key does not
 * decrypt; a plaintext payload is refused then (it could be planted by whoever can write to Redis).
 */
export function createSessionCodec(key: (() => Promise<CryptoKey>) | undefined): SessionCodec {
  const encoder = new TextEncoder();
  return {
    async encode(session, redisKey) {
      const json = JSON.stringify(session);
      if (!key) return plainMarker + json;
      const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encoder.encode(redisKey) },
        await key(),
        encoder.encode(json),
      );
      const bytes = new Uint8Array(ivBytes + sealed.byteLength);
      bytes.set(iv);
      bytes.set(new Uint8Array(sealed), ivBytes);
      return sealedMarker + encodeBase64(bytes);
    },
    async decode(payload, redisKey) {
      let json: string;
      if (payload.startsWith(sealedMarker)) {
        if (!key) return { unreadable: "undecryptable" };
        const bytes = decodeBase64(payload.slice(sealedMarker.length));
        if (!bytes || bytes.byteLength <= ivBytes) return { unreadable: "undecryptable" };
        try {
          const opened = await crypto.subtle.decrypt(
            {
              name: "AES-GCM",
              iv: bytes.subarray(0, ivBytes),
              additionalData: encoder.encode(redisKey),
            },
            await key(),
            bytes.subarray(ivBytes),
          );
          json = new TextDecoder().decode(opened);
        } catch {
          return { unreadable: "undecryptable" };
        }
      } else if (payload.startsWith(plainMarker)) {
        if (key) return { unreadable: "unencrypted" };
        json = payload.slice(plainMarker.length);
      } else {
        return { unreadable: "foreign-value" };
      }
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        return { unreadable: "invalid-session" };
      }
      const session = parseStoredSession(value);
      return session ? { session } : { unreadable: "invalid-session" };
    },
  };
}
