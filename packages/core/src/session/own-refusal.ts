import { AuthenticationError } from "../errors/AuthenticationError.js";
import type { SignInRefusal } from "./coordinated-token-store.js";
import { describeRefusal, refusedAgain } from "./sign-in-refusal.js";
import { stableJson } from "./stable-json.js";
import { toHex } from "./to-hex.js";

/**
 * Account-lockout protection for a client whose store does not share refusals (the default
 * store, a plain one): the client remembers its own last refused sign-in for `coolDown` ms and
 * does not post the same credentials again meanwhile; other credentials are tried at once.
 *
 * A plain SHA-256 digest, not the slow fingerprint a store gets: it never leaves this object,
 * and it keeps a wrong password out of memory once the user has typed another one.
 */
export class OwnRefusal {
  #last?: { refusal: SignInRefusal; until: number };

  async guard<T>(credentials: unknown, coolDown: number, attempt: () => Promise<T>): Promise<T> {
    // Browsers offer `crypto.subtle` only in secure contexts: on a plain http:// page the client
    // still signs in, without the cool-down, rather than keep a password it cannot digest.
    if (!globalThis.crypto?.subtle) return attempt();
    const last = this.#last;
    if (last && last.until > Date.now()) {
      if (last.refusal.fingerprint === (await digest(credentials)))
        throw refusedAgain(last.refusal);
    }
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof AuthenticationError) {
        const refusal = describeRefusal(error, await digest(credentials));
        this.#last = { refusal, until: Date.now() + coolDown };
      }
      throw error;
    }
  }
}

async function digest(credentials: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(stableJson(credentials));
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
}
