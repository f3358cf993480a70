package dev.cognate.operation.wire;

import dev.cognate.validation.Range;
import java.util.Map;

/** Who may create users; only AllowAdminCreateUserOnly is enforced. */
public record AdminCreateUserConfigType(
    Boolean AllowAdminCreateUserOnly,
    @Range(min = 0, max = 365) Integer UnusedAccountValidityDays,
    Map<String, Object> InviteMessageTemplate) {}
