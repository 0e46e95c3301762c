import { LoginkitError } from "./LoginkitError.js";

/**
 * A provider's success answer does not have the shape its spec describes: no token where the
 * spec says, a token that cannot be sent in a header, a body that is not JSON. Not a refusal of
 * the credentials, so it says nothing about them; a later call may sign in again.
 */
export class ProtocolError extends LoginkitError {
  override name = "ProtocolError";
}
