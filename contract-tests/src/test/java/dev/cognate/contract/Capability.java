package dev.cognate.contract;

/**
 * Something a target can or cannot do. A case that needs it takes another honest route on targets without it,
 * and says so; no assertion is weakened for any target.
 */
public enum Capability {
  /** The codes "sent" can be read back (Cognate's outbox); on AWS they go to a real mailbox nobody reads here. */
  READ_CODES
}
