package dev.cognate.domain;

/** Where a code went, as Cognito reports it back: masked destination, medium, and the attribute used. */
public record CodeDestination(String destination, String deliveryMedium, String attributeName) {}
