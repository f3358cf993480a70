package dev.cognate.service;

import dev.cognate.domain.Group;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.GroupStore;
import dev.cognate.storage.Page;
import dev.cognate.storage.ParentGoneException;
import dev.cognate.storage.PoolStore;
import dev.cognate.storage.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A pool's groups and who is in them, with Cognito's answers for a taken name and an unknown group. */
public final class Groups {
  private final GroupStore store;
  private final Users users;
  private final UserStore userStore;
  private final PoolStore pools;
  private final Clock clock;

  public Groups(GroupStore store, Users users, UserStore userStore, PoolStore pools, Clock clock) {
    this.store = store;
    this.users = users;
    this.userStore = userStore;
    this.pools = pools;
    this.clock = clock;
  }

  /** What CreateGroup and UpdateGroup may set; null leaves a setting unset (on create) or as it is (on update). */
  public record Settings(String description, String roleArn, Integer precedence) {}

  public Group create(UserPool pool, String name, Settings settings) {
    Instant now = clock.instant();
    Group group =
        new Group(pool.id(), name, settings.description(), settings.roleArn(), settings.precedence(), now, now);
    if (!store.insert(group)) {
      throw new CognitoException(
          CognitoErrorType.GROUP_EXISTS, "A group with the name " + name + " already exists.");
    }
    return group;
  }

  public Group require(UserPool pool, String name) {
    return store.find(pool.id(), name).orElseThrow(() -> notFound(pool));
  }

  /** Changes only the settings given, as Cognito's UpdateGroup does. */
  public Group update(UserPool pool, String name, Settings settings) {
    return store
        .update(pool.id(), name, settings.description(), settings.roleArn(), settings.precedence(), clock.instant())
        .orElseThrow(() -> notFound(pool));
  }

  public void delete(UserPool pool, String name) {
    if (!store.delete(pool.id(), name)) {
      throw notFound(pool);
    }
  }

  public Page<Group> list(UserPool pool, long after, int limit) {
    return store.list(pool.id(), after, limit);
  }

  /**
   * Adding a member twice is no change. The group is looked up before the user: the reference does not say which
   * of the two Cognito reports when both are missing.
   */
  public void addMember(UserPool pool, String groupName, String username) {
    Group group = require(pool, groupName);
    User user = users.require(pool, username);
    store.addMember(pool.id(), group.name(), user.sub());
  }

  /** Removing a user who is not in the group is no change. */
  public void removeMember(UserPool pool, String groupName, String username) {
    Group group = require(pool, groupName);
    User user = users.require(pool, username);
    store.removeMember(pool.id(), group.name(), user.sub());
  }

  public Page<Group> groupsOf(UserPool pool, String username, long after, int limit) {
    User user = users.require(pool, username);
    return store.groupsOf(pool.id(), user.sub(), after, limit);
  }

  /** The members on one page; a user deleted between the two reads is left out, as a later listing would. */
  public Page<User> members(UserPool pool, String groupName, long after, int limit) {
    Group group = require(pool, groupName);
    Page<String> subs = store.membersOf(pool.id(), group.name(), after, limit);
    List<User> members =
        subs.items().stream().map(sub -> userStore.findBySub(pool.id(), sub)).flatMap(Optional::stream).toList();
    return new Page<>(members, subs.next());
  }

  /**
   * Deleting a pool deletes its groups: a group missing from a pool deleted after it was read is an answer no serial
   * order gives, so the request runs again and finds the pool gone.
   */
  private CognitoException notFound(UserPool pool) {
    if (pools.find(pool.id()).isEmpty()) {
      throw new ParentGoneException();
    }
    return CognitoException.notFound("Group not found.");
  }
}
