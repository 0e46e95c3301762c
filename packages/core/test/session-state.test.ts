import { expect, test } from "vitest";
import {
  decide,
  type SessionDecision,
  type SessionOperation,
  type SessionState,
} from "../src/session/session-state.js";

const session = { accessToken: "token-a", expiresAt: 2_000_000_000_000 };

const STATES: SessionState[] = [
  { kind: "signed-out" },
  { kind: "signing-in" },
  { kind: "valid", session },
  { kind: "expiring", session },
  { kind: "renewing", session },
  { kind: "renewal-deferred", session },
  { kind: "signing-out" },
];

const OPERATIONS: SessionOperation[] = [
  "call",
  "rejected",
  "signIn",
  "renew",
  "signOut",
  "notified",
];

// Written out by hand, not derived from the module: each cell is a behaviour the session tests
// at the fetch boundary rely on, so changing one here must be a deliberate change of behaviour.
const EXPECTED: Record<SessionState["kind"], SessionDecision[]> = {
  // Columns: call, rejected (a 401), signIn, renew, signOut, notified (a store notification).
  "signed-out": ["start", "start", "start", "start", "discard", "ignore"],
  "signing-in": ["join", "join", "wait", "join", "discard", "ignore"],
  valid: ["use", "renew-unless-replaced", "start", "start", "discard", "check"],
  expiring: ["start", "renew-unless-replaced", "start", "start", "discard", "check"],
  renewing: ["join", "join", "wait", "join", "discard", "check"],
  "renewal-deferred": ["use", "renew-unless-replaced", "start", "start", "discard", "check"],
  "signing-out": ["wait", "wait", "wait", "wait", "join", "ignore"],
};

test.each(
  STATES.flatMap((state) =>
    OPERATIONS.map((operation, index) => ({
      kind: state.kind,
      state,
      operation,
      decision: EXPECTED[state.kind][index],
    })),
  ),
)("$kind, $operation: $decision", ({ state, operation, decision }) => {
  expect(decide(state, operation)).toBe(decision);
});

test("only a session at hand is ever used or checked against the store", () => {
  for (const state of STATES) {
    for (const operation of OPERATIONS) {
      const decision = decide(state, operation);
      if (decision === "use" || decision === "check" || decision === "renew-unless-replaced") {
        expect("session" in state).toBe(true);
      }
    }
  }
});

test("while a sign-out runs nothing starts, joins a renewal or uses a token", () => {
  const during = OPERATIONS.map((operation) => decide({ kind: "signing-out" }, operation));
  expect(
    during.filter((decision) => ["start", "use", "renew-unless-replaced"].includes(decision)),
  ).toEqual([]);
});
