package ppvchat.paypaldouble;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Failures a test asks for ahead of time: the next calls of one kind answer an error and do nothing. */
final class ScriptedFailures {

    static final Set<String> OPERATIONS = Set.of("token", "create", "get", "capture", "verify");

    private final Map<String, Deque<Integer>> queued = new HashMap<>();

    synchronized void failNext(String operation, int times, int status) {
        if (!OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("Operation must be one of " + OPERATIONS + ", not " + operation);
        }
        if (times < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("Need times >= 0 and an HTTP status, got " + times + ", " + status);
        }
        Deque<Integer> statuses = queued.computeIfAbsent(operation, o -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            statuses.add(status);
        }
    }

    /** The status this call must answer, if one is scripted; using it up. */
    synchronized OptionalInt take(String operation) {
        Deque<Integer> statuses = queued.get(operation);
        return statuses == null || statuses.isEmpty() ? OptionalInt.empty() : OptionalInt.of(statuses.poll());
    }
}
