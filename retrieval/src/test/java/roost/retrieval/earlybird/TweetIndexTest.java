package roost.retrieval.earlybird;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TweetIndexTest {
    static final long DAY = 86_400_000L;
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void newIndexIsCreatedAndAWriteIsSearchableWhenWaitedFor() throws Exception {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            assertThat(index.openState()).isEqualTo(TweetIndex.OpenState.CREATED);
            long seq = index.upsert(TweetDoc.of(1, 10, T0, "hello graph world", "en"));
            assertThat(index.awaitSearchable(seq, Duration.ofSeconds(5))).isTrue();
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.newestCreatedAt()).isEqualTo(T0);
        }
    }

    @Test
    void upsertReplacesByIdAndCountsUpdateInPlace() throws Exception {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            index.upsert(TweetDoc.of(1, 10, T0, "first", "en"));
            index.upsert(TweetDoc.of(1, 10, T0, "second", "en"));
            long seq = index.setCount(1, Engagement.FAVORITE, 42);
            index.setCount(999, Engagement.FAVORITE, 7); // not indexed: nothing happens
            index.awaitSearchable(seq, Duration.ofSeconds(5));
            assertThat(index.size()).isEqualTo(1);
            long favorites = index.search(s -> {
                var leaf = s.getIndexReader().leaves().get(0);
                NumericDocValues dv = DocValues.getNumeric(leaf.reader(), Engagement.FAVORITE.field());
                int doc = s.search(new TermQuery(TweetFields.idTerm(1)), 1).scoreDocs[0].doc;
                return dv.advanceExact(doc - leaf.docBase) ? dv.longValue() : -1;
            });
            assertThat(favorites).isEqualTo(42);
            List<TextSearch.Hit> hits = new TextSearch(index)
                    .search(new TextSearch.Request("second", null, null, null, null, 10, null))
                    .hits();
            assertThat(hits).extracting(TextSearch.Hit::tweetId).containsExactly(1L);
        }
    }

    @Test
    void aBulkLoadServesWaitingWritersAndIsSearchableWhenClosed() throws Exception {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            List<TweetDoc> docs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                docs.add(TweetDoc.of(i, i % 7, T0 + i, "bulk tweet " + i, "en"));
            }
            try (TweetIndex.BulkLoad bulk = index.beginBulkLoad()) {
                Thread other = new Thread(() -> index.addAll(docs.subList(500, 1000)));
                other.start();
                index.addAll(docs.subList(0, 500));
                other.join();
                // A caller waiting for its write is served although the periodic refresh is off.
                long seq = index.upsert(TweetDoc.of(5000, 1, T0, "waited for", "en"));
                assertThat(index.awaitSearchable(seq, Duration.ofSeconds(10))).isTrue();
                bulk.flushInThisThread();
            }
            // Closing made everything searchable without a refresh by the caller.
            assertThat(index.size()).isEqualTo(1001);
            assertThat(index.newestCreatedAt()).isEqualTo(T0 + 999);
            // After the load, writes are searchable as before.
            long seq = index.upsert(TweetDoc.of(5001, 1, T0, "after", "en"));
            assertThat(index.awaitSearchable(seq, Duration.ofSeconds(10))).isTrue();
            assertThat(index.size()).isEqualTo(1002);
        }
    }

    @Test
    void segmentsAreSortedNewestFirst() throws Exception {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            for (int i = 0; i < 50; i++) {
                index.upsert(TweetDoc.of(i, 1, T0 + (i * 7919L % 50) * 1000, "t", "en"));
            }
            index.refresh();
            List<Long> times = index.search(s -> {
                List<Long> out = new ArrayList<>();
                for (var leaf : s.getIndexReader().leaves()) {
                    NumericDocValues dv = DocValues.getNumeric(leaf.reader(), TweetFields.CREATED_AT);
                    for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                        dv.advanceExact(d);
                        out.add(dv.longValue());
                    }
                }
                return out;
            });
            assertThat(times).hasSize(50).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
    }

    @Test
    void retentionDropsTweetsOlderThanTheWindowInDataTime() throws Exception {
        TweetIndex.Settings settings = TweetIndex.Settings.DEFAULT.withRetention(Duration.ofDays(7));
        try (TweetIndex index = TweetIndex.open(dir, settings)) {
            index.upsert(TweetDoc.of(1, 1, T0, "old", "en"));
            index.upsert(TweetDoc.of(2, 1, T0 + 6 * DAY, "inside", "en"));
            index.upsert(TweetDoc.of(3, 1, T0 + 8 * DAY, "newest", "en"));
            assertThat(index.retentionCutoff()).isEqualTo(T0 + DAY);
            index.applyRetention();
            index.refresh();
            assertThat(index.size()).isEqualTo(2);
            assertThat(count(index, new TermQuery(TweetFields.idTerm(1)))).isZero();
        }
    }

    @Test
    void committedPositionSurvivesAndUncommittedWritesAreLostLikeInACrash() {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            index.upsert(TweetDoc.of(1, 1, T0, "kept", "en"));
            index.commit(Map.of("source.newestTweet", "123"));
            index.upsert(TweetDoc.of(2, 1, T0 + 1, "lost", "en"));
            index.abandon();
        }
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            assertThat(index.openState()).isEqualTo(TweetIndex.OpenState.EXISTING);
            assertThat(index.committedPosition()).containsEntry("source.newestTweet", "123");
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.newestCreatedAt()).isEqualTo(T0);
        }
    }

    @Test
    void aCorruptIndexIsReplacedByAnEmptyOneAndSaysWhy() throws IOException {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            for (int i = 0; i < 100; i++) {
                index.upsert(TweetDoc.of(i, 1, T0 + i, "some text " + i, "en"));
            }
            index.commit(Map.of());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".si"))
                    .toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            assertThat(index.openState()).isEqualTo(TweetIndex.OpenState.REPLACED);
            assertThat(index.openProblem()).isNotBlank();
            assertThat(index.size()).isZero();
            assertThat(count(index, new MatchAllDocsQuery())).isZero();
        }
    }

    @Test
    void aConversationIsItsRootAndTheTweetsThatNameIt() throws Exception {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            // 1 is a root (its conversation is itself), 2 and 3 reply in it, 4 is another root, 5 has none.
            index.upsert(new TweetDoc(1, 9, T0, "root", "en", null, 1L, null, null, false, false, false, null, 0));
            index.upsert(new TweetDoc(2, 8, T0 + 1, "reply", "en", 1L, 1L, null, null, false, false, false, null, 0));
            index.upsert(new TweetDoc(3, 7, T0 + 2, "reply", "en", 2L, 1L, null, null, false, false, false, null, 0));
            index.upsert(new TweetDoc(4, 9, T0 + 3, "other", "en", null, 4L, null, null, false, false, false, null, 0));
            index.upsert(TweetDoc.of(5, 9, T0 + 4, "none", "en"));
            index.refresh();
            assertThat(ids(index, TweetFields.conversationQuery(1))).containsExactlyInAnyOrder(1L, 2L, 3L);
            assertThat(ids(index, TweetFields.conversationQuery(4))).containsExactly(4L);
            assertThat(ids(index, TweetFields.conversationQuery(99))).isEmpty();
        }
    }

    private static List<Long> ids(TweetIndex index, org.apache.lucene.search.Query q) {
        return index.search(s -> {
            List<Long> out = new ArrayList<>();
            for (var sd : s.search(q, 100).scoreDocs) {
                var leaf = s.getIndexReader()
                        .leaves()
                        .get(org.apache.lucene.index.ReaderUtil.subIndex(
                                sd.doc, s.getIndexReader().leaves()));
                NumericDocValues dv = DocValues.getNumeric(leaf.reader(), TweetFields.ID_DV);
                out.add(dv.advanceExact(sd.doc - leaf.docBase) ? dv.longValue() : -1);
            }
            return out;
        });
    }

    @Test
    void fieldsOfTheOriginalAreIndexed() throws Exception {
        try (TweetIndex index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT)) {
            long[] counts = new long[Engagement.size()];
            counts[Engagement.RETWEET.ordinal()] = 3;
            long seq = index.upsert(new TweetDoc(
                    5,
                    9,
                    T0,
                    "@Alice look at #Graphs https://x.io",
                    "EN",
                    4L,
                    4L,
                    2L,
                    null,
                    true,
                    false,
                    true,
                    counts,
                    100));
            index.awaitSearchable(seq, Duration.ofSeconds(5));
            assertThat(count(index, new TermQuery(new org.apache.lucene.index.Term(TweetFields.MENTION, "alice"))))
                    .isEqualTo(1);
            assertThat(count(index, new TermQuery(new org.apache.lucene.index.Term(TweetFields.HASHTAG, "graphs"))))
                    .isEqualTo(1);
            assertThat(count(index, new TermQuery(new org.apache.lucene.index.Term(TweetFields.LANG, "en"))))
                    .isEqualTo(1);
            assertThat(count(
                            index,
                            new TermQuery(
                                    new org.apache.lucene.index.Term(TweetFields.IN_REPLY_TO, TweetFields.idBytes(4)))))
                    .isEqualTo(1);
            assertThat(count(
                            index,
                            new TermQuery(
                                    new org.apache.lucene.index.Term(TweetFields.QUOTED_ID, TweetFields.idBytes(2)))))
                    .isEqualTo(1);
        }
    }

    private static int count(TweetIndex index, org.apache.lucene.search.Query q) {
        return index.search(s -> s.count(q));
    }
}
