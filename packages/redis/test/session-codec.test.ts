import { describe, expect, test } from "vitest";
import { prepareEncryptionKey } from "../src/codec/encryption-key.js";
import { createSessionCodec } from "../src/codec/session-codec.js";

const session = {
  accessToken: "access-secret-token",
  refreshToken: "refresh-secret-token",
  expiresAt: 1_800_000_000_000,
  issuedAt: 1_799_999_000_000,
  inputs: { "X-Account-ID": "acc-1" },
};
const rawKey = () => crypto.getRandomValues(new Uint8Array(32));
const sealed = () => createSessionCodec(prepareEncryptionKey(rawKey()));
const plain = () => createSessionCodec(undefined);
const codecA = sealed();

describe("session codec", () => {
  test.each([
    ["plaintext", plain],
    ["encrypted", sealed],
  ])("%s: a session comes back as it was written", async (_, makeCodec) => {
    const codec = makeCodec();
    const payload = await codec.encode(session, "loginkit:{a}");
    expect(await codec.decode(payload, "loginkit:{a}")).toEqual({ session });
  });

  test("an encrypted payload holds no token in plain, base64 or hex, and differs on every write", async () => {
    const codec = sealed();
    const first = await codec.encode(session, "loginkit:{a}");
    const second = await codec.encode(session, "loginkit:{a}");
    expect(first).not.toBe(second);
    for (const secret of [session.accessToken, session.refreshToken]) {
      for (const form of [
        secret,
        Buffer.from(secret).toString("base64"),
        Buffer.from(secret).toString("base64url"),
        Buffer.from(secret).toString("hex"),
      ]) {
        expect(first).not.toContain(form);
      }
    }
  });

  test.each([
    [
      "another key",
      async (payload: string) => sealed().decode(payload, "loginkit:{a}"),
      "undecryptable",
    ],
    [
      "another Redis key",
      async (payload: string) => codecA.decode(payload, "loginkit:{b}"),
      "undecryptable",
    ],
    ["no key", async (payload: string) => plain().decode(payload, "loginkit:{a}"), "undecryptable"],
  ])("an encrypted payload read with %s is unreadable", async (_, decode, reason) => {
    const payload = await codecA.encode(session, "loginkit:{a}");
    expect(await decode(payload)).toEqual({ unreadable: reason });
  });

  test.each([
    ["someone else's string", "hello", plain, "foreign-value"],
    [
      "a plaintext session while a key is set",
      `loginkit1:json:${JSON.stringify(session)}`,
      sealed,
      "unencrypted",
    ],
    ["broken JSON", "loginkit1:json:{", plain, "invalid-session"],
    ["JSON that is no session", 'loginkit1:json:{"token":1}', plain, "invalid-session"],
    ["a sealed payload that is not base64", "loginkit1:aes-gcm:%%%", sealed, "undecryptable"],
    ["a sealed payload shorter than its IV", "loginkit1:aes-gcm:AAAA", sealed, "undecryptable"],
  ])("%s reads as unreadable (%s)", async (_, payload, makeCodec, reason) => {
    expect(await makeCodec().decode(payload, "loginkit:{a}")).toEqual({ unreadable: reason });
  });
});
