package dev.cognate.domain;

import java.time.Instant;

/** One code the emulator "sent": what a user would have received by e-mail or SMS. */
public record SentCode(
    String userPoolId,
    String username,
    String code,
    CodePurpose purpose,
    String deliveryMedium,
    String destination,
    Instant createdAt) {}
