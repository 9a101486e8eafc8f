// Starts Neo4j Community embedded with Bolt on loopback, for machines without Docker.
// Run with Java's single-file source launcher; the classpath comes from `mvn dependency:build-classpath`.
// Usage: java -cp <classpath> LocalNeo4j.java <homeDir> <port> <pageCache> <txMax> <txTotalMax>
// Environment: NEO4J_RUNNER_PASSWORD (required: the password the `neo4j` user gets),
//              NEO4J_RUNNER_WEBSOCKET_ORIGINS (optional: origins allowed to speak Bolt over WebSocket).
// Prints "READY bolt://127.0.0.1:<port>" once Bolt accepts connections.
// Exits when stdin closes so the JVM never outlives the Node process that spawned it.
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

public class LocalNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: LocalNeo4j <homeDir> <port> <pageCache> <txMax> <txTotalMax>");
      System.exit(2);
    }
    String password = System.getenv("NEO4J_RUNNER_PASSWORD");
    if (password == null || password.length() < 16) {
      System.err.println("NEO4J_RUNNER_PASSWORD must be set (16+ characters): the runner never starts without authentication");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    // LOAD CSV is refused by the console's guard; this directory is the second lock: it stays empty
    // and file:// URLs are off, so even a query that got through could read no local file.
    Path importDir = home.resolve("import-disabled");
    Files.createDirectories(importDir);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(args[2]))
        // One query hits MemoryLimitExceeded instead of taking the whole heap (and the JVM) with it.
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.parse(args[3]))
        .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.parse(args[4]))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> {
      try { dbms.shutdown(); } finally { stopped.countDown(); }
    });
    Runtime.getRuntime().addShutdownHook(shutdown);

    try {
      setPassword(dbms, password);
      guardWebSocket((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), websocketOrigins());
    } catch (RuntimeException e) {
      // Neo4j's threads would keep a half-started JVM alive: say why and leave.
      System.err.println("could not secure the local Neo4j: " + e.getMessage());
      System.exit(3);
    }

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

  /**
   * Embedded calls bypass authentication, so the runner can (re)set the password it was given on
   * every start: the store and .data/neo4j/credentials.json never disagree. Neo4j refuses to "change"
   * a password to the one it already has; then only the change requirement is cleared.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
      // Already this password; make sure no change is required of it.
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
    }
  }

  private static Set<String> websocketOrigins() {
    String raw = System.getenv("NEO4J_RUNNER_WEBSOCKET_ORIGINS");
    if (raw == null || raw.isBlank()) return Set.of();
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }

  /**
   * Neo4j's Bolt port also speaks Bolt over WebSocket to any web page (it has no setting to turn that
   * off), so a page on another origin could talk to the database from the user's browser. Every new
   * connection gets a first handler that looks at the opening bytes: the Bolt handshake passes, an
   * HTTP request (the WebSocket upgrade) passes only with an Origin from the allowlist.
   */
  private static void guardWebSocket(GraphDatabaseAPI db, Set<String> allowedOrigins) {
    BoltServer bolt = db.getDependencyResolver().resolveDependency(BoltServer.class);
    ConnectorListener listener = new ConnectorListener() {
      @Override
      public void onConnectionCreated(Connection connection) {
        connection.modifyPipeline(pipeline -> pipeline.addFirst("aig-origin-guard", new OriginGuard(allowedOrigins)));
      }
    };
    for (Connector<?> connector : bolt.getConnectors()) connector.registerListener(listener);
  }

  static final class OriginGuard extends ChannelInboundHandlerAdapter {
    private static final int MAX_HEADER_BYTES = 8192;
    private final Set<String> allowedOrigins;
    private ByteBuf pending;
    private boolean decided;

    OriginGuard(Set<String> allowedOrigins) { this.allowedOrigins = allowedOrigins; }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (decided || !(msg instanceof ByteBuf in)) { ctx.fireChannelRead(msg); return; }
      if (pending == null) pending = ctx.alloc().buffer();
      pending.writeBytes(in);
      in.release();
      if (pending.readableBytes() < 4) return;
      boolean http = pending.getByte(pending.readerIndex()) == 'G'
          && pending.getByte(pending.readerIndex() + 1) == 'E'
          && pending.getByte(pending.readerIndex() + 2) == 'T';
      if (!http) { pass(ctx); return; }
      String head = pending.toString(pending.readerIndex(), Math.min(pending.readableBytes(), MAX_HEADER_BYTES), StandardCharsets.ISO_8859_1);
      int end = head.indexOf("\r\n\r\n");
      if (end < 0 && pending.readableBytes() < MAX_HEADER_BYTES) return;
      String origin = null;
      for (String line : head.substring(0, end < 0 ? head.length() : end).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("origin")) origin = line.substring(colon + 1).trim();
      }
      if (origin != null && allowedOrigins.contains(origin)) { pass(ctx); return; }
      pending.release();
      pending = null;
      ctx.close();
    }

    private void pass(ChannelHandlerContext ctx) {
      ByteBuf buffered = pending;
      pending = null;
      decided = true;
      ctx.fireChannelRead(buffered);
      if (ctx.pipeline().context(this) != null) ctx.pipeline().remove(this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      if (pending != null) { pending.release(); pending = null; }
    }
  }
}
