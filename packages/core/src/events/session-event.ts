import type { RetryReason } from "../retry/retry-options.js";
import type { StoreOperation } from "../session/store-call.js";

/**
 * What the client tells `onEvent`. Never contains a token, a password or a secret, so it can go
 * to logs as is.
 */
export type SessionEvent =
  | { type: "signed-in"; provider: string; expiresAt?: number }
  | { type: "renewed"; provider: string; via: "refresh" | "sign-in"; expiresAt?: number }
  /**
   * The session ended: this client's `signOut()` finished, or (`elsewhere`) another client sharing
   * the token store (a process, a tab) signed out and this one dropped the session it held. Its
   * next call that needs a session signs in again, with its own credentials.
   */
  | { type: "signed-out"; provider: string; elsewhere?: true }
  | { type: "auth-failed"; provider: string; error: string; status?: number; code?: string }
  /**
   * Another client sharing the token store (a process, a tab) renewed the session: this one uses
   * that session instead of renewing. `waited`: ms spent waiting for it (0 when it was there).
   */
  | { type: "session-adopted"; provider: string; expiresAt?: number; waited: number }
  /**
   * Another client held the store's renewal lease, then lost or let go of it without storing a
   * session (it died, or its renewal failed): this one took the lease over and renews, after
   * waiting `waited` ms. One client says so per lease given up that way.
   */
  | { type: "lease-abandoned"; provider: string; waited: number }
  /**
   * A call got a 401 although its token was renewed for it a moment ago at the same endpoint (an
   * API that answers 401 for "forbidden"): the 401 is returned without renewing again, for a
   * minute or until the token changes, so such an endpoint does not cost a sign-in per call.
   */
  | {
      type: "renewal-skipped";
      provider: string;
      status: number;
      request: { method: string; url: string };
    }
  /**
   * Renewing before expiry failed for a reason that may pass (5xx, 408, 429, no answer) while
   * the token was still valid: calls go on with it, and renewal is tried again from `retryAt`
   * (epoch ms; the wait doubles with each failure, never past the expiry).
   */
  | {
      type: "renewal-deferred";
      provider: string;
      error: string;
      status?: number;
      retryAt: number;
    }
  /**
   * The token store failed, took longer than `storeTimeout`, or gave back a session core cannot
   * use; the session goes on in memory. `error` is the error's name; `message` is there only
   * when core itself judged the store (a timeout, which field of a stored session is unusable).
   */
  | {
      type: "store-failed";
      provider: string;
      operation: StoreOperation;
      error: string;
      message?: string;
    }
  /** A request through the client's fetch began (its `request` is what every later event names). */
  | { type: "request-start"; provider: string; request: { method: string; url: string } }
  /** One attempt of it ended: with an answer's `status`, or an `error` name; `duration` in ms. */
  | {
      type: "request-attempt";
      provider: string;
      request: { method: string; url: string };
      attempt: number;
      status?: number;
      error?: string;
      duration: number;
    }
  /**
   * The request ended, after `attempts` attempts and `duration` ms: the final `status`, or the
   * `error` name it failed with; `requestId` is the provider's request-id header, when it sent one.
   */
  | {
      type: "request-end";
      provider: string;
      request: { method: string; url: string };
      attempts: number;
      status?: number;
      error?: string;
      duration: number;
      requestId?: string;
    }
  /**
   * (Delivered only to a listener whose `types` name it, as are `sign-out-start`, `send-start`
   * and `send-end`: they bracket work for a tracer.) A sign-in or renewal begins (the client's one in flight: concurrent calls share it). It
   * ends with `signed-in`, `renewed`, `session-adopted`, `renewal-deferred` or `auth-failed`
   * (or, when `signOut()` ran meanwhile, with `signed-out`).
   */
  | { type: "renewal-start"; provider: string }
  /**
   * The refresh token was refused (the provider's `status` and `code`): the client signs in
   * again instead.
   */
  | { type: "refresh-refused"; provider: string; status?: number; code?: string }
  /** `signOut()` begins; it ends with `signed-out`. */
  | { type: "sign-out-start"; provider: string }
  /**
   * One physical send of a request: every attempt, the replay after a 401 and each redirect hop.
   * `send` is `{ method, url }` of this hop (redacted), the same object in its `send-end`.
   * `propagate` sets a W3C trace-context header (`traceparent`, `tracestate`, `baggage`) on
   * this send only, until it leaves; any other name, or a value no runtime can send, is ignored.
   */
  | {
      type: "send-start";
      provider: string;
      send: { method: string; url: string };
      propagate(name: string, value: string): void;
    }
  /** The send ended: an answer's `status` or an `error` name; `duration` in ms. */
  | {
      type: "send-end";
      provider: string;
      send: { method: string; url: string };
      status?: number;
      error?: string;
      duration: number;
    }
  | {
      type: "retry";
      provider: string;
      attempt: number;
      delay: number;
      reason: RetryReason;
      status?: number;
      request: { method: string; url: string };
    }
  /**
   * The refresh token in the store was refused right after this client took over a lapsed lease:
   * the lost holder's refresh reached the provider and rotated it (spent, not stolen). This
   * client signs in once, under the lease, and the others adopt that session.
   */
  | { type: "refresh-spent"; provider: string };

/** Calls the listener, ignoring its failures: a broken logger must not break a sign-in. */
export function emitEvent(
  listener: ((event: SessionEvent) => void) | undefined,
  event: SessionEvent,
) {
  try {
    listener?.(event);
  } catch {
    // Deliberately ignored, see above.
  }
}
