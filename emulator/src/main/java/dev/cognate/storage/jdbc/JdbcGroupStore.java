package dev.cognate.storage.jdbc;

import dev.cognate.domain.Group;
import dev.cognate.storage.GroupStore;
import dev.cognate.storage.Page;
import dev.cognate.storage.ParentGoneException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Groups and memberships in H2. */
public final class JdbcGroupStore implements GroupStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS =
      "g.seq, g.pool_id, g.name, g.description, g.role_arn, g.precedence, g.created_at, g.modified_at";

  private final Database db;

  public JdbcGroupStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean insert(Group group) {
    try {
      db.update(
          "INSERT INTO user_groups (pool_id, name, description, role_arn, precedence, created_at, modified_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)",
          group.userPoolId(),
          group.name(),
          group.description(),
          group.roleArn(),
          group.precedence(),
          group.createdAt().toEpochMilli(),
          group.modifiedAt().toEpochMilli());
      return true;
    } catch (StorageException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<Group> find(String userPoolId, String name) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT " + COLUMNS + " FROM user_groups g WHERE g.pool_id = ? AND g.name = ?",
                    JdbcGroupStore::group,
                    userPoolId,
                    name)
                .stream()
                .map(Row::group)
                .findFirst());
  }

  @Override
  public Optional<Group> update(
      String userPoolId, String name, String description, String roleArn, Integer precedence, Instant modifiedAt) {
    return db.transaction(
        c -> {
          int updated =
              Database.update(
                  c,
                  "UPDATE user_groups SET description = COALESCE(?, description), role_arn = COALESCE(?, role_arn),"
                      + " precedence = COALESCE(?, precedence), modified_at = ? WHERE pool_id = ? AND name = ?",
                  description,
                  roleArn,
                  precedence,
                  modifiedAt.toEpochMilli(),
                  userPoolId,
                  name);
          return updated == 0 ? Optional.<Group>empty() : find(userPoolId, name);
        });
  }

  @Override
  public boolean delete(String userPoolId, String name) {
    return db.update("DELETE FROM user_groups WHERE pool_id = ? AND name = ?", userPoolId, name) > 0;
  }

  @Override
  public Page<Group> list(String userPoolId, long after, int limit) {
    return groupPage(
        "SELECT " + COLUMNS + " FROM user_groups g WHERE g.pool_id = ? AND g.seq > ? ORDER BY g.seq LIMIT ?",
        limit,
        userPoolId,
        after,
        limit + 1);
  }

  @Override
  public void addMember(String userPoolId, String groupName, String userSub) {
    int added;
    try {
      // One statement finds both rows and inserts: a group or user deleted meanwhile leaves nothing to insert.
      added =
          db.update(
              "INSERT INTO group_members (pool_id, group_seq, user_seq)"
                  + " SELECT g.pool_id, g.seq, u.seq FROM user_groups g JOIN users u ON u.pool_id = g.pool_id"
                  + " WHERE g.pool_id = ? AND g.name = ? AND u.sub = ?",
              userPoolId,
              groupName,
              userSub);
    } catch (StorageException e) {
      if (isUniqueViolation(e)) {
        return;
      }
      throw e;
    }
    if (added == 0) {
      throw new ParentGoneException();
    }
  }

  @Override
  public void removeMember(String userPoolId, String groupName, String userSub) {
    db.update(
        "DELETE FROM group_members m WHERE m.pool_id = ?"
            + " AND m.group_seq = (SELECT g.seq FROM user_groups g WHERE g.pool_id = ? AND g.name = ?)"
            + " AND m.user_seq = (SELECT u.seq FROM users u WHERE u.pool_id = ? AND u.sub = ?)",
        userPoolId,
        userPoolId,
        groupName,
        userPoolId,
        userSub);
  }

  @Override
  public Page<Group> groupsOf(String userPoolId, String userSub, long after, int limit) {
    return groupPage(
        "SELECT " + COLUMNS + " FROM user_groups g"
            + " JOIN group_members m ON m.group_seq = g.seq"
            + " JOIN users u ON u.seq = m.user_seq"
            + " WHERE u.pool_id = ? AND u.sub = ? AND g.seq > ? ORDER BY g.seq LIMIT ?",
        limit,
        userPoolId,
        userSub,
        after,
        limit + 1);
  }

  @Override
  public List<Group> allGroupsOf(String userPoolId, String userSub) {
    return db.read(
        c ->
            Database.query(
                c,
                "SELECT " + COLUMNS + " FROM user_groups g"
                    + " JOIN group_members m ON m.group_seq = g.seq"
                    + " JOIN users u ON u.seq = m.user_seq"
                    + " WHERE u.pool_id = ? AND u.sub = ? ORDER BY g.seq",
                JdbcGroupStore::group,
                userPoolId,
                userSub))
        .stream()
        .map(Row::group)
        .toList();
  }

  @Override
  public Page<String> membersOf(String userPoolId, String groupName, long after, int limit) {
    record Member(long seq, String sub) {}
    List<Member> rows =
        db.read(
            c ->
                Database.query(
                    c,
                    "SELECT u.seq, u.sub FROM users u"
                        + " JOIN group_members m ON m.user_seq = u.seq"
                        + " JOIN user_groups g ON g.seq = m.group_seq"
                        + " WHERE g.pool_id = ? AND g.name = ? AND u.seq > ? ORDER BY u.seq LIMIT ?",
                    rs -> new Member(rs.getLong(1), rs.getString(2)),
                    userPoolId,
                    groupName,
                    after,
                    limit + 1));
    return Pages.of(rows, limit, Member::seq, Member::sub);
  }

  private Page<Group> groupPage(String sql, int limit, Object... params) {
    List<Row> rows = db.read(c -> Database.query(c, sql, JdbcGroupStore::group, params));
    return Pages.of(rows, limit, Row::seq, Row::group);
  }

  private static boolean isUniqueViolation(StorageException e) {
    return e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }

  private record Row(long seq, Group group) {}

  private static Row group(ResultSet rs) throws SQLException {
    int precedence = rs.getInt(6);
    Integer maybePrecedence = rs.wasNull() ? null : precedence;
    return new Row(
        rs.getLong(1),
        new Group(
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            maybePrecedence,
            Instant.ofEpochMilli(rs.getLong(7)),
            Instant.ofEpochMilli(rs.getLong(8))));
  }
}
