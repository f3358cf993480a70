package dev.cognate.operation.wire;

/** Patterns and enum sets of the service model's shapes, shared by the request records that declare them. */
public final class Shapes {
  private Shapes() {}

  public static final String USER_POOL_ID = "[\\w-]+_[0-9a-zA-Z]+";
  public static final String CLIENT_ID = "[\\w+]+";
  public static final String USERNAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
  public static final String PASSWORD = "[\\S]+";
  public static final String SECRET_HASH = "[\\w+=/]+";
  public static final String CONFIRMATION_CODE = "[\\S]+";
  public static final String TOKEN = "[A-Za-z0-9-_=.]+";
  public static final String NAME = "[\\w\\s+=,.@-]+";
  public static final String CLIENT_SECRET = "[\\w+]+";
  public static final String PAGINATION_KEY = "[\\S]+";
  public static final String ATTRIBUTE_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+";
  public static final String CUSTOM_ATTRIBUTE_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
  public static final String GROUP_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
  public static final String ARN =
      "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";
  public static final String RESOURCE_SERVER_IDENTIFIER = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+";
  public static final String SCOPE_NAME = "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+";
  public static final String PROVIDER_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+";
  public static final String NEW_PROVIDER_NAME = "[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+";
  public static final String IDP_IDENTIFIER = "[\\w\\s+=.@-]+";

}
