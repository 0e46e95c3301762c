import type { SimulatorAccount } from "../accounts/simulator-account.js";
import { randomBytes, randomInteger, toBase64Url } from "../random/random-bytes.js";
import type { SimulatorClock } from "../tokens/simulated-clock.js";

export interface CookieSession {
  readonly value: string;
  /** Undefined when the flow was started for an unknown address: it can never succeed. */
  readonly account?: SimulatorAccount;
  readonly code: string;
  verified: boolean;
  readonly expiresAt: Date;
}

/** Short-lived sessions held in a cookie (e.g. Vero's password recovery). */
export class CookieSessions {
  readonly #sessions = new Map<string, CookieSession>();

  constructor(
    private readonly clock: SimulatorClock,
    private readonly lifetimeMs: number,
  ) {}

  open(account: SimulatorAccount | undefined): CookieSession {
    const session: CookieSession = {
      value: toBase64Url(randomBytes(24)),
      account,
      code: String(randomInteger(1_000_000)).padStart(6, "0"),
      verified: false,
      expiresAt: new Date(this.clock.now().getTime() + this.lifetimeMs),
    };
    this.#sessions.set(session.value, session);
    return session;
  }

  /** The live session of a cookie value; expired ones are forgotten. */
  find(value: string | undefined): CookieSession | undefined {
    const session = value === undefined ? undefined : this.#sessions.get(value);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.clock.now()) {
      this.#sessions.delete(session.value);
      return undefined;
    }
    return session;
  }

  close(session: CookieSession): void {
    this.#sessions.delete(session.value);
  }
}
