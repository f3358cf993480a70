package dev.cognate.operation.wire;

import dev.cognate.validation.OneOf;

/** Units of the three token validities. */
public record TokenValidityUnitsType(
    @OneOf({"seconds", "minutes", "hours", "days"}) String AccessToken,
    @OneOf({"seconds", "minutes", "hours", "days"}) String IdToken,
    @OneOf({"seconds", "minutes", "hours", "days"}) String RefreshToken) {}
