import { isSecretField } from "@loginkit/contract/rules";
import type { SimulatorAccount } from "./simulator-account.js";

export type Authentication =
  | { readonly ok: true; readonly account: SimulatorAccount }
  | { readonly ok: false; readonly reason: "unknown-account" | "wrong-secret" };

/** The accounts a simulator accepts; secrets change when a password is reset. */
export class AccountStore {
  readonly #accounts: { -readonly [K in keyof SimulatorAccount]: SimulatorAccount[K] }[];

  constructor(accounts: readonly SimulatorAccount[]) {
    this.#accounts = accounts.map((account) => ({ ...account }));
  }

  get all(): readonly SimulatorAccount[] {
    return this.#accounts;
  }

  find(name: string): SimulatorAccount | undefined {
    return this.#accounts.find((account) => account.name === name);
  }

  /** Signs in when every credential field of an account equals the request's. */
  authenticate(body: unknown): Authentication {
    if (body === null || typeof body !== "object") return { ok: false, reason: "unknown-account" };
    const request = body as Record<string, unknown>;
    const sameIdentity = this.#accounts.filter((account) =>
      Object.entries(account.credentials).every(
        ([field, value]) => isSecretField(field) || request[field] === value,
      ),
    );
    const account = sameIdentity.find((candidate) =>
      Object.entries(candidate.credentials).every(([field, value]) => request[field] === value),
    );
    if (account !== undefined) return { ok: true, account };
    return { ok: false, reason: sameIdentity.length > 0 ? "wrong-secret" : "unknown-account" };
  }

  /** The account one of `values` identifies (e.g. the email a recovery was started for). */
  findByIdentity(values: readonly unknown[]): SimulatorAccount | undefined {
    return this.#accounts.find((account) =>
      Object.entries(account.credentials).some(
        ([field, value]) => !isSecretField(field) && values.includes(value),
      ),
    );
  }

  /** Copies the request's secret fields named like the account's (a new password) into it. */
  updateSecrets(account: SimulatorAccount, body: unknown): void {
    const target = this.#accounts.find((candidate) => candidate === account);
    if (target === undefined || body === null || typeof body !== "object") return;
    const updates = Object.entries(body).filter(
      ([field]) => isSecretField(field) && field in target.credentials,
    );
    target.credentials = { ...target.credentials, ...Object.fromEntries(updates) };
  }

  /** The account's credentials with every secret wrong; still valid against the request schema. */
  wrongCredentials(account: SimulatorAccount): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(account.credentials).map(([field, value]) => [
        field,
        isSecretField(field) && typeof value === "string" ? `${value}-wrong` : value,
      ]),
    );
  }
}
