/** How long an endpoint that refused a freshly issued token is not renewed for again. */
const COOLDOWN_MS = 60_000;
/** Endpoints remembered at once; the oldest is forgotten first, so memory stays bounded. */
const MAX_ENDPOINTS = 256;

/**
 * Endpoints that refused a token issued for that very request: the answer means "forbidden" (some
 * APIs say 401 for it), not "expired". Renewing again would cost a sign-in per call and can lock
 * an account, so for a while such a 401 is handed back as it is, while the token is the same.
 */
export class FreshTokenRefusals {
  readonly #refusals = new Map<string, { token: string; until: number }>();

  /** The token was just renewed for this request and refused again. */
  record(endpoint: string, token: string): void {
    this.#refusals.delete(endpoint);
    if (this.#refusals.size >= MAX_ENDPOINTS) {
      const oldest = this.#refusals.keys().next().value;
      if (oldest !== undefined) this.#refusals.delete(oldest);
    }
    this.#refusals.set(endpoint, { token, until: Date.now() + COOLDOWN_MS });
  }

  /**
   * The endpoint accepted a token: it is not forbidden after all (the 401 that armed the guard
   * came late, from a token not yet known everywhere). A 401 there renews again at once, so a
   * token revoked later is not kept for the rest of the minute.
   */
  forget(endpoint: string): void {
    if (this.#refusals.size > 0) this.#refusals.delete(endpoint);
  }

  /** Whether a 401 for `token` at `endpoint` should be returned without renewing. */
  has(endpoint: string, token: string | undefined): boolean {
    const refusal = this.#refusals.get(endpoint);
    if (refusal === undefined) return false;
    if (Date.now() >= refusal.until) {
      this.#refusals.delete(endpoint);
      return false;
    }
    return refusal.token === token;
  }
}
