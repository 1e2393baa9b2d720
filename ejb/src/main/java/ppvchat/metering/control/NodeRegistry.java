package ppvchat.metering.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import ppvchat.platform.control.SchemaMigration;

/**
 * The {@code metering_node} table: one row per node with its last heartbeat. Plain JDBC in auto-commit,
 * outside any transaction: a heartbeat is one single-row update that waits on nothing else.
 */
@ApplicationScoped
public class NodeRegistry {

    /** A node's row: when it last proved alive, and when it stopped cleanly (null while it runs). */
    public record Node(String name, Instant heartbeatAt, Instant stoppedAt) {

        public boolean stopped() {
            return stoppedAt != null;
        }
    }

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    public Optional<Node> find(String name) {
        List<Node> nodes = query("SELECT name, heartbeat_at, stopped_at FROM metering_node WHERE name = ?", name);
        return nodes.stream().findFirst();
    }

    /** Nodes other than {@code except} that neither stopped cleanly nor beat since {@code staleBefore}. */
    public List<Node> deadSince(Instant staleBefore, String except) {
        return query(
                "SELECT name, heartbeat_at, stopped_at FROM metering_node"
                        + " WHERE stopped_at IS NULL AND heartbeat_at < ? AND name <> ?",
                utc(staleBefore),
                except);
    }

    /** The node (re)starts: a new incarnation, alive as of {@code now}. */
    public void register(String name, Instant now) {
        if (update(
                        "UPDATE metering_node SET started_at = ?, heartbeat_at = ?, stopped_at = NULL WHERE name = ?",
                        utc(now),
                        utc(now),
                        name)
                == 0) {
            update(
                    "INSERT INTO metering_node (name, started_at, heartbeat_at) VALUES (?, ?, ?)",
                    name,
                    utc(now),
                    utc(now));
        }
    }

    public void beat(String name, Instant at) {
        update("UPDATE metering_node SET heartbeat_at = ? WHERE name = ? AND stopped_at IS NULL", utc(at), name);
    }

    /** A clean stop, or a survivor's verdict on a dead node: its shows are settled up to {@code at}. */
    public void markStopped(String name, Instant at) {
        update("UPDATE metering_node SET heartbeat_at = ?, stopped_at = ? WHERE name = ?", utc(at), utc(at), name);
    }

    private List<Node> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Node> nodes = new ArrayList<>();
            while (rows.next()) {
                nodes.add(new Node(rows.getString(1), instant(rows, 2), instant(rows, 3)));
            }
            return nodes;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read metering nodes", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write metering node", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
