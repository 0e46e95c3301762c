import { decodeJwt } from "jose";
import type { JwtClaims } from "../provider/provider-features.js";

/**
 * A JWT's claims, read without verification (only the provider checks signatures; core only
 * plans the renewal). A feature: handed over only by providers whose answers name no expiry.
 */
export function readJwtClaims(token: string): JwtClaims {
  return decodeJwt(token);
}
