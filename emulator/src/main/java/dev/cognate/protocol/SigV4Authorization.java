package dev.cognate.protocol;

import java.util.Optional;

/**
 * An {@code Authorization} header as SigV4 writes it, {@code AWS4-HMAC-SHA256 Credential=AKID/20261130/us-east-1/
 * cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=<hex>}; a part that is absent is null.
 */
record SigV4Authorization(String algorithm, String credential, String signedHeaders, String signature) {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** Reads what it can and never fails: a header of another scheme gives null parts. */
  static SigV4Authorization parse(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    String algorithm = space < 0 ? value : value.substring(0, space);
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    if (ALGORITHM.equals(algorithm)) {
      for (String parameter : value.substring(space + 1).split(",")) {
        int equals = parameter.indexOf('=');
        if (equals < 0) {
          continue;
        }
        String name = parameter.substring(0, equals).strip();
        String content = parameter.substring(equals + 1).strip();
        switch (name) {
          case "Credential" -> credential = content;
          case "SignedHeaders" -> signedHeaders = content;
          case "Signature" -> signature = content;
          default -> {}
        }
      }
    }
    return new SigV4Authorization(algorithm, credential, signedHeaders, signature);
  }

  /** Whether the signature covers a header, named in any case. */
  boolean covers(String header) {
    if (signedHeaders == null) {
      return false;
    }
    for (String name : signedHeaders.split(";")) {
      if (name.strip().equalsIgnoreCase(header)) {
        return true;
      }
    }
    return false;
  }

  /** The credential's five parts, when it has exactly five. */
  Optional<CredentialScope> scope() {
    if (credential == null) {
      return Optional.empty();
    }
    String[] parts = credential.split("/", -1);
    if (parts.length != 5) {
      return Optional.empty();
    }
    return Optional.of(new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]));
  }

  /** {@code accessKeyId/date/region/service/terminator}. */
  record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {

    /** The scope as the string to sign carries it: everything after the access key id. */
    String value() {
      return date + "/" + region + "/" + service + "/" + terminator;
    }
  }
}
