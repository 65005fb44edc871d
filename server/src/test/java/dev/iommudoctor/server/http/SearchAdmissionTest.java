package dev.iommudoctor.server.http;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchAdmissionTest {

    @Test
    void atMostTheCapRunsAtOnceAndEveryOneRunsEventually() throws Exception {
        SearchAdmission admission = new SearchAdmission(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    admission.run(() -> {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(30);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return done.incrementAndGet();
                    });
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(8, done.get());
        assertEquals(2, peak.get());
    }

    @Test
    void aFailingSearchGivesItsSlotBack() throws Exception {
        SearchAdmission admission = new SearchAdmission(1);
        assertThrows(java.io.IOException.class, () -> admission.run(() -> {
            throw new java.io.IOException("index gone");
        }));
        assertEquals("ok", admission.run(() -> "ok"));
    }
}
