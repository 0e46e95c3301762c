/** How a request is authenticated. */
export type AuthMode =
  /** A user's request: the session's token, signing in when needed, renewed after a refusal. */
  | { kind: "session" }
  /** Core's own sign-in: no token. */
  | { kind: "none" }
  /** Core's own refresh and sign-out: this token (and the session's input headers), as is. */
  | { kind: "token"; token: string; inputs?: Readonly<Record<string, string>> };

export interface ReplayFacts {
  auth: AuthMode;
  /** The request goes to the provider's origins, to an operation that needs a token. */
  authenticated: boolean;
  /** The operation is described as `replaySafe`. */
  replaySafe: boolean;
  /** The body is a stream the caller handed over: it can be read once only. */
  streamed: boolean;
}

export interface ReplayDecision {
  /** The body is read into memory first, so every send carries it whole. */
  bufferBody: boolean;
  /** Failed attempts may be retried at all (the retry options then decide which). */
  retry: boolean;
  /** Passed to the retry rules: the operation may be repeated without harm. */
  replaySafe: boolean;
  /** A refused token is renewed and the request sent again with the new one. */
  renewAndReplay: boolean;
}

/**
 * Whether a request may be sent more than once, decided in one place for every reason core has
 * to do so: a retry, a replay with a renewed token, a 307/308 hop that re-sends the body.
 * A streamed body can be sent once only, so such a request is never sent again: a refused
 * token is still renewed (the next call works) and the 401 is handed back.
 */
export function decideReplay(facts: ReplayFacts): ReplayDecision {
  const once = facts.streamed;
  return {
    bufferBody: !once,
    retry: !once,
    replaySafe: !once && facts.replaySafe,
    renewAndReplay: !once && facts.auth.kind === "session" && facts.authenticated,
  };
}
