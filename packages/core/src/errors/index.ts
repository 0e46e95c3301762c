export { AbortError } from "./AbortError.js";
export { AuthenticationError } from "./AuthenticationError.js";
export { ConfigurationError } from "./ConfigurationError.js";
export { HttpError } from "./HttpError.js";
export { type ErrorRequest, LoginkitError } from "./LoginkitError.js";
export { NetworkError } from "./NetworkError.js";
export { ProtocolError } from "./ProtocolError.js";
export { RetriesExhaustedError } from "./RetriesExhaustedError.js";
export { TimeoutError } from "./TimeoutError.js";
