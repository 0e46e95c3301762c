import type { StoredSession } from "./token-store.js";

/**
 * The session's state, derived in one place (`SessionManager.#state`). `expiring` is the one
 * state beyond the six: a session at hand whose token is inside its renewal window (or
 * expired) while nothing renews it yet, the moment the next call starts renewal.
 */
export type SessionState =
  | { kind: "signed-out" }
  | { kind: "signing-in" }
  | { kind: "valid"; session: StoredSession }
  | { kind: "expiring"; session: StoredSession }
  | { kind: "renewing"; session: StoredSession }
  | { kind: "renewal-deferred"; session: StoredSession }
  | { kind: "signing-out" };

/** What can happen to a session: `call` needs a token, `rejected` is a 401 on a sent token. */
export type SessionOperation = "call" | "rejected" | "signIn" | "renew" | "signOut" | "notified";

/**
 * - `use`: send with the session at hand.
 * - `start`: start a renewal (for `call`: read the store first, a fresh session there will do).
 * - `join`: wait for the renewal or sign-in in flight and share its outcome.
 * - `wait`: wait until the one in flight (or the sign-out) settles, then decide again.
 * - `renew-unless-replaced`: after a 401, renew unless the rejected token is no longer current.
 * - `discard`: sign out; a renewal in flight is waited out and what it yields is discarded (the
 *   calls that joined it are rejected with an `AbortError`).
 * - `check`: read the store; drop the session when another client signed out.
 * - `ignore`: nothing to do.
 */
export type SessionDecision =
  | "use"
  | "start"
  | "join"
  | "wait"
  | "renew-unless-replaced"
  | "discard"
  | "check"
  | "ignore";

type Row = Record<SessionOperation, SessionDecision>;

// One row per state, operations in the order of `SessionOperation`:
// call, rejected, signIn, renew, signOut, notified.
type D = SessionDecision;
const row = (call: D, rejected: D, signIn: D, renew: D, signOut: D, notified: D): Row => ({
  call,
  rejected,
  signIn,
  renew,
  signOut,
  notified,
});

export const SESSION_TRANSITIONS: Record<SessionState["kind"], Row> = {
  "signed-out": row("start", "start", "start", "start", "discard", "ignore"),
  "signing-in": row("join", "join", "wait", "join", "discard", "ignore"),
  valid: row("use", "renew-unless-replaced", "start", "start", "discard", "check"),
  expiring: row("start", "renew-unless-replaced", "start", "start", "discard", "check"),
  renewing: row("join", "join", "wait", "join", "discard", "check"),
  "renewal-deferred": row("use", "renew-unless-replaced", "start", "start", "discard", "check"),
  // A sign-out in progress is joined; nothing else starts before it has ended.
  "signing-out": row("wait", "wait", "wait", "wait", "join", "ignore"),
};

/** What `operation` does in `state`: the one place the session's behaviour is decided. */
export function decide(state: SessionState, operation: SessionOperation): SessionDecision {
  return SESSION_TRANSITIONS[state.kind][operation];
}
