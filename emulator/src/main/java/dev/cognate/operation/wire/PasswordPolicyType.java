package dev.cognate.operation.wire;

import dev.cognate.validation.Range;

/** A password policy on the wire. */
public record PasswordPolicyType(
    @Range(min = 6, max = 99) Integer MinimumLength,
    Boolean RequireUppercase,
    Boolean RequireLowercase,
    Boolean RequireNumbers,
    Boolean RequireSymbols,
    @Range(min = 0, max = 365) Integer TemporaryPasswordValidityDays) {}
