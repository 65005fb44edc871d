package dev.iommudoctor.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;

class SyncOnceDirectoryTest {

    /** Records the fsyncs and renames that reach the real directory, in order. */
    static final class Recording extends FilterDirectory {
        final List<String> log = new ArrayList<>();

        Recording(Directory in) {
            super(in);
        }

        @Override
        public synchronized void sync(Collection<String> names) throws IOException {
            for (String n : names) {
                log.add("sync " + n);
            }
            super.sync(names);
        }

        @Override
        public synchronized void rename(String source, String dest) throws IOException {
            log.add("rename " + source + " " + dest);
            super.rename(source, dest);
        }
    }

    private static void add(IndexWriter w, String id) throws IOException {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        w.addDocument(d);
        w.commit();
    }

    @Test
    void laterCommitsSyncOnlyTheirNewFilesAndEveryFileBeforeThePublishingRename() throws IOException {
        Recording disk = new Recording(new ByteBuffersDirectory());
        try (Directory dir = new SyncOnceDirectory(disk);
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            add(w, "a");
            add(w, "b");
            int before = disk.log.size();
            add(w, "c");
            List<String> third = disk.log.subList(before, disk.log.size());
            // no file of the first two segments is synced again
            assertTrue(third.stream().noneMatch(l -> l.startsWith("sync _0") || l.startsWith("sync _1")), third.toString());
            assertTrue(third.stream().anyMatch(l -> l.startsWith("sync _2")), third.toString());
            // the pending commit point is synced, and before the rename that publishes it
            int rename = indexOf(third, "rename pending_segments_");
            int pending = indexOf(third, "sync pending_segments_");
            assertTrue(pending >= 0 && rename > pending, third.toString());
            for (int i = rename + 1; i < third.size(); i++) {
                assertFalse(third.get(i).startsWith("sync"), "synced after the rename: " + third);
            }
            // each name synced at most once over the whole life of the index
            assertEquals(disk.log.stream().filter(l -> l.startsWith("sync")).distinct().count(),
                    disk.log.stream().filter(l -> l.startsWith("sync")).count(), disk.log.toString());
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                assertEquals(3, r.numDocs());
            }
        }
    }

    private static int indexOf(List<String> log, String prefix) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
