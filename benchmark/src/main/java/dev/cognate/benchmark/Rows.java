package dev.cognate.benchmark;

/** The labels of the report's rows that the targets refer to. */
final class Rows {
  static final String COLD_START = "Cold start to first served CreateUserPool";
  static final String RSS_AFTER_START = "RSS after start";
  static final String RSS_AFTER_LOAD = "RSS after load";
  static final String API_FIRST = "Java API: first start in a fresh JVM";
  static final String API_WARM = "Java API: warm start in the same JVM";
  static final String EXTENSION_FIRST = "JUnit extension: first test class in a fresh JVM";
  static final String EXTENSION_WARM = "JUnit extension: later test classes in the same JVM";
  static final String PLAIN_JUNIT_FIRST = "(baseline) plain JUnit test class first in a fresh JVM";
  static final String SETUP = "Setting up a pool, an app client and users";
  static final String CYCLE = "SignUp → AdminConfirmSignUp → InitiateAuth cycles, 16 clients";

  private Rows() {}

  static String rate(String operation, int clients) {
    return operation + ", " + clients + (clients == 1 ? " client" : " clients");
  }

  static String atUsers(String operation, int users) {
    return operation + " latency with " + users(users) + " users, 1 client";
  }

  static String populate(int users) {
    return "Populating the pool to " + users(users) + " users";
  }

  static String users(int users) {
    return users >= 1000 ? users / 1000 + "k" : Integer.toString(users);
  }
}
