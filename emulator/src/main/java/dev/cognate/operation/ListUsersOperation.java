package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.domain.UserFilter;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.PageTokens;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.UserType;
import dev.cognate.service.Directory;
import dev.cognate.storage.Page;
import dev.cognate.storage.UserStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** ListUsers: a pool's users in creation order, optionally filtered on one attribute. */
public final class ListUsersOperation
    implements Operation<ListUsersOperation.ListUsersRequest, ListUsersOperation.ListUsersResponse> {
  private static final int DEFAULT_LIMIT = 60;
  private static final java.util.regex.Pattern FILTER =
      java.util.regex.Pattern.compile("\\s*([\\w:]+)\\s*(=|\\^=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

  private final Directory directory;
  private final UserStore users;

  public ListUsersOperation(Directory directory, UserStore users) {
    this.directory = directory;
    this.users = users;
  }

  public record ListUsersRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      List<String> AttributesToGet,
      @Range(min = 0, max = 60) Integer Limit,
      @Length(min = 1) @Pattern(Shapes.PAGINATION_KEY) String PaginationToken,
      @Length(max = 256) String Filter) {}

  public record ListUsersResponse(List<UserType> Users, String PaginationToken) {}

  @Override
  public String name() {
    return "ListUsers";
  }

  @Override
  public Class<ListUsersRequest> requestType() {
    return ListUsersRequest.class;
  }

  @Override
  public ListUsersResponse handle(ListUsersRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    Optional<UserFilter> filter = parse(request.Filter());
    List<String> wanted = request.AttributesToGet();
    if (wanted != null && wanted.stream().anyMatch(name -> pool.attribute(name).isEmpty())) {
      throw noSuchAttributes();
    }
    int limit = request.Limit() == null || request.Limit() == 0 ? DEFAULT_LIMIT : request.Limit();
    Page<User> page = users.list(pool.id(), filter, PageTokens.after(request.PaginationToken()), limit);
    return new ListUsersResponse(
        page.items().stream().map(u -> UserType.of(u, selected(u, wanted))).toList(), PageTokens.next(page));
  }

  private static CognitoException noSuchAttributes() {
    return CognitoException.invalidParameter("One or more requested attributes do not exist.");
  }

  static Optional<UserFilter> parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return Optional.empty();
    }
    Matcher m = FILTER.matcher(filter);
    if (!m.matches()) {
      throw CognitoException.invalidParameter("Error while parsing filter.");
    }
    String attribute = m.group(1);
    if (!UserFilter.SEARCHABLE.contains(attribute)) {
      throw CognitoException.invalidParameter("Invalid search attribute: " + attribute);
    }
    String value = m.group(3).replaceAll("\\\\(.)", "$1");
    return Optional.of(new UserFilter(attribute, value, m.group(2).equals("^=")));
  }

  private static Map<String, String> selected(User user, List<String> names) {
    if (names == null) {
      return user.attributes();
    }
    // Cognito's documented rule: every listed user must hold every requested attribute, or the call fails.
    if (!user.attributes().keySet().containsAll(names)) {
      throw noSuchAttributes();
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    user.attributes().forEach((name, value) -> {
      if (names.contains(name)) {
        chosen.put(name, value);
      }
    });
    return chosen;
  }
}
