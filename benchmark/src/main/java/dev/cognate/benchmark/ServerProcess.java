package dev.cognate.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server the benchmark starts from a shell command with {@code {port}} in it, and stops again with everything the
 * command started (npx, shells and launchers leave the real server as a grandchild). Output goes to a log file in
 * the server's own working directory.
 */
final class ServerProcess implements AutoCloseable {
  /** Servers still running, stopped on the way out even when the run is interrupted (Ctrl-C). */
  private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ServerProcess::close)));
  }

  private final Process process;
  final int port;
  final Path workDir;

  private ServerProcess(Process process, int port, Path workDir) {
    this.process = process;
    this.port = port;
    this.workDir = workDir;
  }

  static ServerProcess start(String command, Path workDir) {
    int port = freePort();
    try {
      Files.createDirectories(workDir);
      File log = workDir.resolve("server.log").toFile();
      Process process = new ProcessBuilder("sh", "-c", command.replace("{port}", Integer.toString(port)))
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
          .start();
      ServerProcess server = new ServerProcess(process, port, workDir);
      RUNNING.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The last lines the server wrote, to say why it did not come up. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(workDir.resolve("server.log"));
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** Resident memory of whichever process listens on the port, in MB. */
  OptionalLong rssMegabytes() {
    return ListeningProcess.on(port).map(ListeningProcess::rssMegabytes).orElse(OptionalLong.empty());
  }

  @Override
  public void close() {
    List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception notYet) {
        handle.destroyForcibly();
      }
    }
    RUNNING.remove(this);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process owning a listening TCP socket, found through /proc (Linux only). */
  record ListeningProcess(long pid) {
    static Optional<ListeningProcess> on(int port) {
      String hexPort = String.format(":%04X", port);
      try {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
          Path path = Path.of(table);
          if (!Files.exists(path)) {
            continue;
          }
          for (String line : Files.readAllLines(path)) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length > 9 && cells[1].endsWith(hexPort) && cells[3].equals("0A")) {
              Optional<ListeningProcess> owner = owning("socket:[" + cells[9] + "]");
              if (owner.isPresent()) {
                return owner;
              }
            }
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }

    private static Optional<ListeningProcess> owning(String socket) throws IOException {
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
            .filter(p -> holds(p, socket))
            .map(p -> new ListeningProcess(Long.parseLong(p.getFileName().toString())))
            .findFirst();
      }
    }

    private static boolean holds(Path process, String socket) {
      try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
        return fds.anyMatch(fd -> {
          try {
            return Files.readSymbolicLink(fd).toString().equals(socket);
          } catch (IOException | UnsupportedOperationException gone) {
            return false;
          }
        });
      } catch (IOException | UncheckedIOException gone) {
        return false;
      }
    }

    OptionalLong rssMegabytes() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmRSS:")) {
            return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
          }
        }
      } catch (IOException | NumberFormatException gone) {
        return OptionalLong.empty();
      }
      return OptionalLong.empty();
    }
  }
}
