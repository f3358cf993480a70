package dev.cognate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.AdminGetUserOperation.AdminGetUserRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A member named twice is refused wherever it stands in the body. Binding from the stream builds a request record
 * as soon as its last member arrives, so "the last value wins" could only hold for some positions; one answer for
 * every position is the honest one.
 */
class AwsJsonDuplicateMembersTest {
  private final AwsJson json = new AwsJson();

  @Test
  void aMemberRepeatedBeforeTheRecordIsCompleteIsRefused() {
    assertRefused("{\"UserPoolId\":\"us-east-1_a\",\"UserPoolId\":\"us-east-1_b\"}");
  }

  @Test
  void aMemberRepeatedAfterEveryMemberIsPresentIsRefusedTheSameWay() {
    assertRefused("{\"UserPoolId\":\"us-east-1_a\",\"Username\":\"alice\",\"UserPoolId\":\"us-east-1_b\"}");
  }

  @Test
  void aKeyRepeatedInsideAMapIsRefusedToo() {
    assertRefused("{\"UserPoolId\":\"us-east-1_a\",\"Username\":\"alice\",\"X\":{\"k\":1,\"k\":2}}");
  }

  private void assertRefused(String body) {
    CognitoException refused =
        assertThrows(
            CognitoException.class,
            () -> json.read(body.getBytes(StandardCharsets.UTF_8), AdminGetUserRequest.class));
    assertEquals(CognitoErrorType.SERIALIZATION, refused.type());
    assertEquals("Request body names a member twice.", refused.getMessage());
  }
}
