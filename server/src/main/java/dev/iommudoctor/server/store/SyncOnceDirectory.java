package dev.iommudoctor.server.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * Fsyncs each index file once. Lucene's {@code IndexWriter.commit()} asks the directory to sync
 * <em>every</em> file of the commit point, old segments included, and {@code FSDirectory} fsyncs them
 * all; on a virtual disk even an fsync of a clean file costs a cache flush (about 2 ms here), so with
 * 30 files a commit per upload spent most of its time re-syncing files that were already durable.
 * Lucene files are write-once: after one successful fsync of a closed file there is nothing left to
 * make durable, so later requests for that name are skipped. Files this process has not synced (new
 * ones, and those found on disk when the index was opened) are still fsynced before the commit point
 * that references them is written, which is all the commit protocol needs.
 *
 * <p>The files of one commit are fsynced in parallel, and the fsync Lucene asks for {@code
 * pending_segments_N} alone is folded into the next round (the segment files): the disk flushes they
 * wait for overlap instead of queueing one after the other. Every deferred fsync is done before the
 * rename that publishes the commit point, so the commit protocol keeps its guarantee.
 */
final class SyncOnceDirectory extends FilterDirectory {

    private static final String PENDING_SEGMENTS = "pending_segments";

    /** fsync is I/O-bound: more threads than cores, daemon so they never hold the JVM up. */
    private final ExecutorService fsyncPool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "index-fsync");
        t.setDaemon(true);
        return t;
    });

    /** A pending_segments file written but whose fsync waits for the next sync round (or the rename). */
    private String deferred;

    /** Names whose current contents have been fsynced since they were written. */
    private final Set<String> synced = ConcurrentHashMap.newKeySet();

    SyncOnceDirectory(Directory in) {
        super(in);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        synced.remove(name);
        return super.createOutput(name, context);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput out = super.createTempOutput(prefix, suffix, context);
        synced.remove(out.getName());
        return out;
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
        Set<String> todo = new LinkedHashSet<>();
        for (String name : names) {
            if (!synced.contains(name)) {
                todo.add(name);
            }
        }
        if (todo.size() == 1 && todo.iterator().next().startsWith(PENDING_SEGMENTS) && defer(todo.iterator().next())) {
            // Lucene writes pending_segments_N and syncs it alone, then syncs the segment files: fold it
            // into that next round. rename() flushes it first in any case, and only the rename to
            // segments_N makes the commit point visible.
            return;
        }
        syncWithDeferred(todo);
    }

    private synchronized boolean defer(String name) {
        if (deferred != null) {
            return false;
        }
        deferred = name;
        return true;
    }

    /** fsyncs {@code todo} and the deferred file; the deferred one stays deferred if that fails. */
    private synchronized void syncWithDeferred(Set<String> todo) throws IOException {
        String pending = deferred;
        if (pending != null) {
            todo.add(pending);
        }
        fsyncAll(todo);
        if (pending != null && pending.equals(deferred)) {
            deferred = null;
        }
    }

    private void fsyncAll(Set<String> todo) throws IOException {
        if (todo.size() <= 1) {
            in.sync(todo);
        } else {
            List<Future<?>> jobs = new ArrayList<>();
            for (String name : todo) {
                jobs.add(fsyncPool.submit(() -> {
                    in.sync(List.of(name));
                    return null;
                }));
            }
            IOException failure = null;
            for (Future<?> job : jobs) {
                try {
                    job.get();
                } catch (ExecutionException e) {
                    IOException io = e.getCause() instanceof IOException x ? x : new IOException(e.getCause());
                    if (failure == null) {
                        failure = io;
                    } else {
                        failure.addSuppressed(io);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while syncing the index");
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        // only after every fsync succeeded: a failed one is retried by the next commit
        synced.addAll(todo);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
        syncWithDeferred(new LinkedHashSet<>());
        super.rename(source, dest);
        // the bytes move with the name; the directory entry itself is made durable by syncMetaData
        if (synced.remove(source)) {
            synced.add(dest);
        } else {
            synced.remove(dest);
        }
    }

    @Override
    public void deleteFile(String name) throws IOException {
        super.deleteFile(name);
        synced.remove(name);
        synchronized (this) {
            if (name.equals(deferred)) {
                deferred = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            fsyncPool.shutdown();
        }
    }
}
