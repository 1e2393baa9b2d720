package ppvchat.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's one datasource, and the schema migration that runs before anything else touches it.
 *
 * <p>The datasource values come from MicroProfile Config, so the same archive runs on embedded H2 (the
 * default, nothing to install) and on MariaDB (set {@code ppv.datasource.*} as system properties, in
 * {@code domain.xml}, or as environment variables such as {@code PPV_DATASOURCE_PASSWORD}). Flyway owns
 * the schema; JPA schema generation is off.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=ppv.datasource.class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=ppv.datasource.url:jdbc:h2:file:./ppv-data/ppv;MODE=MariaDB;DATABASE_TO_LOWER=TRUE}",
        user = "${MPCONFIG=ppv.datasource.user:ppv}",
        password = "${MPCONFIG=ppv.datasource.password:ppv}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit"
        })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/ppv";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private volatile String schemaVersion = "none";

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, on " + result.database + ")");
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
