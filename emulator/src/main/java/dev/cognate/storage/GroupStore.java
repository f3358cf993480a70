package dev.cognate.storage;

import dev.cognate.domain.Group;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Groups of pools and their members. A group's name is unique in its pool and a user is in a group at most once;
 * the database keeps both, and a deleted pool, group or user takes its memberships along.
 */
public interface GroupStore {

  /** False when the pool already has a group of that name. */
  boolean insert(Group group);

  Optional<Group> find(String userPoolId, String name);

  /**
   * Sets the settings given (a null one stays as stored) and the modification time in one statement, so concurrent
   * updates of different settings both land; the group as it then is, or empty when it is gone.
   */
  Optional<Group> update(
      String userPoolId, String name, String description, String roleArn, Integer precedence, Instant modifiedAt);

  boolean delete(String userPoolId, String name);

  /** Groups in creation order. */
  Page<Group> list(String userPoolId, long after, int limit);

  /**
   * Puts the user in the group; being there already is no change. Throws {@link ParentGoneException} when the group
   * or the user was deleted meanwhile.
   */
  void addMember(String userPoolId, String groupName, String userSub);

  void removeMember(String userPoolId, String groupName, String userSub);

  /** The user's groups in creation order. */
  Page<Group> groupsOf(String userPoolId, String userSub, long after, int limit);

  /** Every group of the user, for tokens. */
  List<Group> allGroupsOf(String userPoolId, String userSub);

  /** The subs of the group's members, in the users' creation order. */
  Page<String> membersOf(String userPoolId, String groupName, long after, int limit);
}
