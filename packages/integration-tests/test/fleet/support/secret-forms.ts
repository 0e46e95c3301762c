/** The forms a leaked secret could take in a stored value or a message. */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [
    secret,
    encodeURIComponent(secret),
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    JSON.stringify(secret),
  ];
}
