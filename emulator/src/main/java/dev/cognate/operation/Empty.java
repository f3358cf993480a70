package dev.cognate.operation;

/** The {@code {}} that operations without output members return, and the input of those without input. */
public record Empty() {}
