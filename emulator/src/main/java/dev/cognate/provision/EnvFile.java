package dev.cognate.provision;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code KEY=value} lines an application loads to find what was provisioned: each template resource's physical
 * id under its logical id in upper snake case ({@code UserPoolClient} gives {@code USER_POOL_CLIENT}), a client's
 * secret under {@code <KEY>_SECRET}, {@code USER_POOL_ID} and {@code USER_CLIENT_ID} (and {@code USER_CLIENT_SECRET})
 * when the templates hold exactly one pool or one client, {@code AWS_REGION} and the endpoint variable the AWS SDKs
 * read.
 */
public final class EnvFile {
  private EnvFile() {}

  /** The keys the file sets itself; a logical id spelt as one of them would be overwritten or overwrite it. */
  private static final List<String> OWN_KEYS =
      List.of("USER_POOL_ID", "USER_CLIENT_ID", "USER_CLIENT_SECRET", "AWS_REGION",
          "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER");

  /**
   * The lines, by key.
   *
   * @throws ProvisioningException when two logical ids give one key, or one gives a key the file sets itself: an app
   *     would silently read the wrong id
   */
  public static Map<String, String> entries(Provisioned provisioned, String region, URI endpoint) {
    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, String> logicalIdOfKey = new HashMap<>();
    List<ProvisionedResource> resources = provisioned.templateResources();
    for (ProvisionedResource resource : resources) {
      String key = upperSnake(resource.logicalId());
      claim(logicalIdOfKey, key, resource.logicalId());
      entries.put(key, resource.physicalId());
      String secret = resource.attributes().get("ClientSecret");
      if (secret != null) {
        claim(logicalIdOfKey, key + "_SECRET", resource.logicalId());
        entries.put(key + "_SECRET", secret);
      }
    }
    List<ProvisionedResource> pools = ofType(resources, "AWS::Cognito::UserPool");
    if (pools.size() == 1) {
      entries.put("USER_POOL_ID", pools.get(0).physicalId());
    }
    List<ProvisionedResource> clients = ofType(resources, "AWS::Cognito::UserPoolClient");
    if (clients.size() == 1) {
      entries.put("USER_CLIENT_ID", clients.get(0).physicalId());
      String secret = clients.get(0).attributes().get("ClientSecret");
      if (secret != null) {
        entries.put("USER_CLIENT_SECRET", secret);
      }
    }
    entries.put("AWS_REGION", region);
    entries.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", endpoint.toString());
    return entries;
  }

  private static void claim(Map<String, String> logicalIdOfKey, String key, String logicalId) {
    if (OWN_KEYS.contains(key)) {
      throw new ProvisioningException(
          "env file: the logical id " + logicalId + " gives the key " + key + ", which the env file sets itself;"
              + " rename it");
    }
    String earlier = logicalIdOfKey.putIfAbsent(key, logicalId);
    if (earlier != null) {
      throw new ProvisioningException(
          "env file: the logical ids " + earlier + " and " + logicalId + " both give the key " + key
              + "; rename one of them");
    }
  }

  /**
   * Removes the file an earlier run wrote, before this one provisions: a script that waits for the file to appear
   * would otherwise read the earlier run's ids and endpoint while this run starts, or after it failed.
   */
  public static void removeEarlier(Path file) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new ProvisioningException("cannot write the env file " + file + ": " + reason(e));
    }
  }

  /** Writes the file whole or not at all (a new file moved over the old), so a reader never sees half of it. */
  public static void write(Path file, Provisioned provisioned, String region, URI endpoint) {
    StringBuilder text = new StringBuilder();
    entries(provisioned, region, endpoint).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path written = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(written, text, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(written);
      }
    } catch (IOException e) {
      throw new ProvisioningException("cannot write the env file " + file + ": " + reason(e));
    }
  }

  /** The file system's own words, without the path it repeats: {@code Is a directory}, {@code permission denied}. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage();
  }

  /** {@code UserPoolClient} to {@code USER_POOL_CLIENT}, {@code MyAPIClient} to {@code MY_API_CLIENT}. */
  static String upperSnake(String logicalId) {
    return logicalId
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .replaceAll("[^A-Za-z0-9]+", "_")
        .toUpperCase(Locale.ROOT);
  }

  private static List<ProvisionedResource> ofType(List<ProvisionedResource> resources, String type) {
    return resources.stream().filter(r -> r.type().equals(type)).toList();
  }
}
