package dev.cognate.operation.wire;

import dev.cognate.domain.CodeDestination;

/** Where a code went, masked. */
public record CodeDeliveryDetailsType(String Destination, String DeliveryMedium, String AttributeName) {
  public static CodeDeliveryDetailsType of(CodeDestination destination) {
    return new CodeDeliveryDetailsType(
        destination.destination(), destination.deliveryMedium(), destination.attributeName());
  }
}
