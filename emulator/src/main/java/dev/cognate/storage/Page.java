package dev.cognate.storage;

import java.util.List;
import java.util.OptionalLong;

/** One page of a listing; {@code next} is the position to continue after, empty on the last page. */
public record Page<T>(List<T> items, OptionalLong next) {}
