package dev.cognate.operation.wire;

import dev.cognate.validation.Required;

/** Whether usernames are case-sensitive. */
public record UsernameConfigurationType(@Required Boolean CaseSensitive) {}
