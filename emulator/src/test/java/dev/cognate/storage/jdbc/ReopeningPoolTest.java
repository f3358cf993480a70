package dev.cognate.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReopeningPoolTest {

  /**
   * A connection given back is kept for reuse instead of returned to H2's pool; a request already waiting because all
   * connections were out must still get it, not wait out H2's 30 s login timeout while kept connections sit idle.
   */
  @Test
  void aRequestWaitingForAConnectionGetsOneGivenBack() throws Exception {
    ReopeningPool pool =
        new ReopeningPool("jdbc:h2:mem:pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", 1);
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    try {
      Connection first = pool.getConnection();
      CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> connection(pool), waiter);
      Thread.sleep(200);
      pool.release(first);
      Connection second = waiting.get(10, TimeUnit.SECONDS);
      assertTrue(second.isValid(1));
      pool.release(second);
      System.out.println("one connection, one holder, one waiter: the waiter got the connection given back");
    } finally {
      waiter.shutdownNow();
      pool.dispose();
    }
  }

  private static Connection connection(ReopeningPool pool) {
    try {
      return pool.getConnection();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
