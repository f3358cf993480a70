package dev.cognate;

/** What a reset leaves: nothing, or what the configured templates and seed files describe. */
public enum ResetTo {
  /** No pools at all, whatever the templates and seed files say. */
  EMPTY,
  /** The templates' resources and the seed files' users, with the ids they always get; nothing else. */
  PROVISIONED
}
