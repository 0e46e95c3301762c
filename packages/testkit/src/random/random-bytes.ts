/** Cryptographically random bytes from WebCrypto, present in Node ≥ 20, browsers, Deno, Bun and edge runtimes. */
export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** Bytes as base64url without padding, e.g. for cookie values. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** A uniform integer in [0, max), without the modulo bias of `random % max`. */
export function randomInteger(max: number): number {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  for (;;) {
    const [value] = globalThis.crypto.getRandomValues(new Uint32Array(1));
    if (value !== undefined && value < limit) return value % max;
  }
}

export function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}
