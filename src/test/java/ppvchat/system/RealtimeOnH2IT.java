package ppvchat.system;

import java.util.Map;

/** The real-time protocol on the embedded H2 database, as the quick start runs it. */
class RealtimeOnH2IT extends RealtimeProtocolChecks {

    @Override
    String name() {
        return "realtime-h2";
    }

    @Override
    Map<String, String> database(String name) {
        String file =
                SystemTestSettings.freshWorkDir(name + "-db").resolve("ppv").toString();
        return Map.of(
                "ppv.datasource.class",
                "org.h2.jdbcx.JdbcDataSource",
                "ppv.datasource.url",
                "jdbc:h2:file:" + file + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE");
    }
}
