package ppvchat.platform.control;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs tasks on the managed executor with a fixed number in flight, waiting for all of them: the executor's
 * queue is bounded, and a database on two cores gains nothing from more than a few writers at once.
 */
public final class BoundedParallel {

    private BoundedParallel() {}

    /** The tasks' results in task order; the first failure is thrown once every started task is done. */
    public static <T> List<T> run(ManagedExecutorService executor, int width, List<Callable<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        Deque<Future<T>> running = new ArrayDeque<>();
        RuntimeException failure = null;
        try {
            for (Callable<T> task : tasks) {
                if (running.size() == width) {
                    failure = collect(running.removeFirst(), results, failure);
                }
                running.addLast(executor.submit(task));
            }
            while (!running.isEmpty()) {
                failure = collect(running.removeFirst(), results, failure);
            }
        } catch (InterruptedException e) {
            running.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static <T> RuntimeException collect(Future<T> future, List<T> results, RuntimeException failure)
            throws InterruptedException {
        try {
            results.add(future.get());
            return failure;
        } catch (ExecutionException e) {
            results.add(null);
            if (failure != null) {
                return failure;
            }
            return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
