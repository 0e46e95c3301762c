import { RedisStoreError } from "../errors/RedisStoreError.js";

/** An AES-256-GCM key: a WebCrypto `CryptoKey`, or its 32 raw bytes. */
export type EncryptionKeyInput = CryptoKey | Uint8Array;

/**
 * Checks the key now (a wrong key is a configuration error at start-up, not a failed read later)
 * and imports raw bytes once, non-extractable.
 */
export function prepareEncryptionKey(input: EncryptionKeyInput): () => Promise<CryptoKey> {
  if (input instanceof Uint8Array) {
    if (input.byteLength !== 32) {
      throw new RedisStoreError(
        "configure",
        `encryptionKey must be 32 bytes (AES-256-GCM), got ${input.byteLength}`,
      );
    }
    const bytes = new Uint8Array(input);
    let imported: Promise<CryptoKey> | undefined;
    return () => {
      imported ??= crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
      return imported;
    };
  }
  const usable =
    input.algorithm?.name === "AES-GCM" &&
    input.usages.includes("encrypt") &&
    input.usages.includes("decrypt");
  if (!usable) {
    throw new RedisStoreError(
      "configure",
      "encryptionKey must be an AES-GCM CryptoKey usable to encrypt and decrypt",
    );
  }
  return async () => input;
}
