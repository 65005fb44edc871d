package dev.iommudoctor.server.http;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets at most about one search run per CPU core; the others wait their turn (up to {@link #MAX_WAIT_SECONDS},
 * then 503). Why: searches are short and CPU-bound, and without a cap 64 concurrent searchers on a 2-core host
 * took nearly all the CPU from the single thread doing the index commit, so every upload waited seconds for its
 * 201 (found by the load test). Queued searches cost no CPU; throughput is the same, uploads get their share.
 */
final class SearchAdmission {

    static final int MAX_WAIT_SECONDS = 30;

    /** Work that may throw the search's own exceptions. */
    interface Search<T> {
        T run() throws IOException;
    }

    private final Semaphore permits;

    SearchAdmission(int concurrent) {
        this.permits = new Semaphore(Math.max(1, concurrent), true);
    }

    static SearchAdmission perCore() {
        return new SearchAdmission(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    <T> T run(Search<T> search) throws IOException {
        try {
            if (!permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new HttpProblem(503, "busy", "too many searches at once, try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "busy", "interrupted while waiting for a search slot");
        }
        try {
            return search.run();
        } finally {
            permits.release();
        }
    }
}
