/** A code the simulator "sent" (e.g. by email) instead of delivering it. */
export interface SentMessage {
  /** The address it went to: the identifier of the request that triggered it. */
  readonly to: string;
  readonly code: string;
  readonly operationId: string;
  readonly sentAt: Date;
}
