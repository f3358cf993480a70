package dev.cognate.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {
  record Item(@Required @Length(min = 1, max = 3) String Name) {}

  record Request(
      @Required @Length(min = 1, max = 55) @Pattern("[\\w-]+_[0-9a-zA-Z]+") String UserPoolId,
      @Sensitive @Length(max = 5) String Password,
      @Range(min = 1, max = 60) Integer MaxResults,
      @OneOf({"A", "B"}) String Kind,
      @OneOf({"X", "Y"}) List<String> Flags,
      List<Item> Items,
      Item Nested) {}

  private static String message(Request request) {
    CognitoException e = assertThrows(CognitoException.class, () -> ModelValidator.validate(request));
    assertEquals(CognitoErrorType.INVALID_PARAMETER, e.type());
    return e.getMessage();
  }

  @Test
  void validRequestPasses() {
    assertDoesNotThrow(
        () -> ModelValidator.validate(new Request("us-east-1_abc", "pw", 5, "A", List.of("X"), List.of(new Item("n")), null)));
  }

  @Test
  void missingRequiredMember() {
    assertEquals(
        "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        message(new Request(null, null, null, null, null, null, null)));
  }

  @Test
  void patternFailureShowsTheValue() {
    assertEquals(
        "1 validation error detected: Value 'no pool' at 'userPoolId' failed to satisfy constraint: Member"
            + " must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
        message(new Request("no pool", null, null, null, null, null, null)));
  }

  @Test
  void severalFailuresAreCountedAndSensitiveValuesHidden() {
    assertEquals(
        "3 validation errors detected: Value at 'password' failed to satisfy constraint: Member must have length less"
            + " than or equal to 5; Value '61' at 'maxResults' failed to satisfy constraint: Member must have value"
            + " less than or equal to 60; Value 'C' at 'kind' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [A, B]",
        message(new Request("us-east-1_abc", "toolong", 61, "C", null, null, null)));
  }

  @Test
  void listAndNestedMembersGetTheirPaths() {
    assertEquals(
        "3 validation errors detected: Value '[Z]' at 'flags' failed to satisfy constraint: Member must satisfy"
            + " constraint: [Member must satisfy enum value set: [X, Y]]; Value null at 'items.2.member.name' failed to"
            + " satisfy constraint: Member must not be null; Value 'long' at 'nested.name' failed to satisfy"
            + " constraint: Member must have length less than or equal to 3",
        message(
            new Request(
                "us-east-1_abc", null, null, null, List.of("Z"), List.of(new Item("ok"), new Item(null)), new Item("long"))));
  }

  record Listing(@Length(max = 1) List<Item> Items) {}

  @Test
  void listOfStructuresIsNotShownAsJavaText() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> ModelValidator.validate(new Listing(List.of(new Item("a"), new Item("b")))));
    assertEquals(
        "1 validation error detected: Value at 'items' failed to satisfy constraint: Member must have length less"
            + " than or equal to 1",
        e.getMessage());
  }

  @Test
  void lengthsCountCodePointsNotUtf16Units() {
    String threeEmoji = "\uD83D\uDE00".repeat(3);
    assertDoesNotThrow(() -> ModelValidator.validate(new Item(threeEmoji)));
    CognitoException e =
        assertThrows(CognitoException.class, () -> ModelValidator.validate(new Item(threeEmoji + "x")));
    assertEquals(
        "1 validation error detected: Value '" + threeEmoji + "x' at 'name' failed to satisfy constraint: Member"
            + " must have length less than or equal to 3",
        e.getMessage());
  }
}
