package ppvchat.system;

import java.util.Map;

/** The real-time protocol on MariaDB, where the money moves in production. */
class RealtimeOnMariaDbIT extends RealtimeProtocolChecks {

    @Override
    String name() {
        return "realtime-mariadb";
    }

    @Override
    Map<String, String> database(String name) {
        return SystemTestSettings.loadTestOnMariaDb(TestDatabase.recreate("ppv_realtime"));
    }
}
