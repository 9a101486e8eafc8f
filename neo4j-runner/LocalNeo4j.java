// Starts Neo4j Community embedded with Bolt on loopback, for machines without Docker.
// Run with Java's single-file source launcher; the classpath comes from `mvn dependency:build-classpath`.
// Usage: java -cp <classpath> LocalNeo4j.java <homeDir> <port> [pageCache]
// Prints "READY bolt://127.0.0.1:<port>" once Bolt accepts connections.
// Exits when stdin closes so the JVM never outlives the Node process that spawned it.
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public class LocalNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j <homeDir> <port> [pageCache]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String pageCache = args.length > 2 ? args[2] : "128m";

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, org.neo4j.io.ByteUnit.parse(pageCache))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> {
      try { dbms.shutdown(); } finally { stopped.countDown(); }
    });
    Runtime.getRuntime().addShutdownHook(shutdown);

    // Make sure the default database is online before announcing readiness.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();

    // The parent holds our stdin open; EOF means it is gone (or asked us to stop).
    InputStream in = System.in;
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) { /* ignore input */ }
    System.exit(0);
  }
}
