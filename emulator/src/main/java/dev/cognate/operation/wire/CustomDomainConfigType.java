package dev.cognate.operation.wire;

import dev.cognate.domain.UserPoolDomain.CustomDomain;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.util.Optional;

/** The certificate of a custom domain. */
public record CustomDomainConfigType(
    @Required @Length(min = 20, max = 2048) @Pattern(Shapes.ARN) String CertificateArn,
    @OneOf({"TLS_V1", "TLS_V1_2_2021", "TLS_V1_3_2025"}) String SecurityPolicy) {

  public CustomDomain toDomain() {
    return new CustomDomain(CertificateArn, Optional.ofNullable(SecurityPolicy));
  }

  public static CustomDomainConfigType of(CustomDomain custom) {
    return new CustomDomainConfigType(custom.certificateArn(), custom.securityPolicy().orElse(null));
  }
}
