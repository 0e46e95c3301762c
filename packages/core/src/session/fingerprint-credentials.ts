import { stableJson } from "./stable-json.js";
import { toHex } from "./to-hex.js";

/** PBKDF2 rounds: slow enough that a leaked fingerprint does not give the password away cheaply. */
const ROUNDS = 100_000;
let cached: { input: string; fingerprint: Promise<string> } | undefined;

/**
 * A digest that tells the same credentials apart from others without revealing them: PBKDF2
 * (SHA-256) salted with the store key, so every client of one session computes the same value
 * and a fingerprint from another key or deployment matches nothing. Cached for the last input.
 */
export function fingerprintCredentials(storeKey: string, credentials: unknown): Promise<string> {
  const input = `${storeKey}\u0000${stableJson(credentials)}`;
  if (cached?.input === input) return cached.fingerprint;
  const fingerprint = derive(storeKey, input);
  cached = { input, fingerprint };
  return fingerprint;
}

async function derive(storeKey: string, input: string): Promise<string> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey("raw", encoder.encode(input), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "PBKDF2",
      hash: "SHA-256",
      salt: encoder.encode(`loginkit sign-in refusal\u0000${storeKey}`),
      iterations: ROUNDS,
    },
    material,
    256,
  );
  return toHex(bits);
}
