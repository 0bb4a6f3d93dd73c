package roost.importer.higgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import roost.importer.Progress;
import roost.importer.csv.CsvDirectory;
import roost.importer.csv.CsvRecordReader;
import roost.importer.csv.CsvTable;
import roost.importer.csv.CsvValidator;
import roost.importer.testing.HiggsData;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;
import roost.model.Snowflake;

/** Converts a slice of the real files and checks the mapping against a plain re-reading of the same lines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiggsConverterTest {
    static final int ACTIVITY_LINES = 5_000;
    static final int FOLLOW_LINES = 3_000;
    static final long HOUR = 3_600_000L;

    Path out;

    Path higgs;
    HiggsCounts counts;
    List<long[]> activity; // a, b, ts (ms), type (0 RT, 1 RE, 2 MT)
    List<long[]> followLines;

    @BeforeAll
    void convert(@TempDir Path dir) throws Exception {
        out = dir;
        higgs = HiggsData.dir();
        HiggsOptions opts =
                HiggsOptions.defaults().withActivityLimit(ACTIVITY_LINES).withFollowLimit(FOLLOW_LINES);
        counts = new HiggsConverter().convert(higgs, out, opts, Progress.silent());
        activity = read(higgs.resolve(HiggsConverter.ACTIVITY_FILE), ACTIVITY_LINES);
        followLines = read(higgs.resolve(HiggsConverter.FOLLOW_FILE), FOLLOW_LINES);
    }

    private static List<long[]> read(Path file, int limit) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null && rows.size() < limit; line = r.readLine()) {
                String[] f = line.trim().split("\\s+");
                long[] row = new long[f.length];
                for (int i = 0; i < f.length; i++) {
                    row[i] = switch (f[i]) {
                        case "RT" -> 0;
                        case "RE" -> 1;
                        case "MT" -> 2;
                        default -> Long.parseLong(f[i]);
                    };
                }
                if (f.length == 4) {
                    row[2] *= 1000;
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static <T> List<T> all(Path file, CsvTable<T> table) {
        List<T> rows = new ArrayList<>();
        try (CsvRecordReader<T> r = CsvRecordReader.open(file, table)) {
            for (T row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static long window(long millis) {
        return Math.floorDiv(millis - HiggsConverter.DATASET_START, HOUR);
    }

    @Test
    void outputIsValidGenericCsv() {
        assertThat(CsvValidator.validate(new CsvDirectory(out), Progress.silent())
                        .totalRows())
                .isPositive();
        assertThat(counts.activityLines()).isEqualTo(ACTIVITY_LINES);
        assertThat(counts.followLines()).isEqualTo(FOLLOW_LINES);
    }

    @Test
    void usersAreEveryIdInTheLinesRead() {
        Set<Long> expected = new HashSet<>();
        activity.forEach(a -> {
            expected.add(a[0]);
            expected.add(a[1]);
        });
        followLines.forEach(f -> {
            expected.add(f[0]);
            expected.add(f[1]);
        });
        List<User> users = all(out.resolve("users.csv"), CsvTable.USERS);
        assertThat(users).extracting(User::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(users).allSatisfy(u -> {
            assertThat(u.handle()).isEqualTo("u" + u.id());
            assertThat(u.createdAt()).isEqualTo(HiggsConverter.DATASET_START);
            assertThat(u.verified()).isFalse();
        });
    }

    @Test
    void followsAreTheFollowLinesWithoutSelfLoops() {
        List<String> expected = followLines.stream()
                .filter(f -> f[0] != f[1])
                .map(f -> f[0] + ">" + f[1])
                .toList();
        List<Follow> follows = all(out.resolve("follows.csv"), CsvTable.FOLLOWS);
        assertThat(follows)
                .extracting(f -> f.followerId() + ">" + f.followeeId())
                .containsExactlyElementsOf(expected);
        assertThat(follows).allMatch(f -> f.createdAt() == HiggsConverter.DATASET_START);
    }

    @Test
    void tweetsAreOnePerAuthorAndHourWithTheFirstEventTime() {
        // (author, window) -> first event time, from RT/RE targets and MT actors.
        Map<String, Long> expected = new HashMap<>();
        for (long[] a : activity) {
            long author = a[3] == 2 ? a[0] : a[1];
            expected.merge(author + "@" + window(a[2]), a[2], Math::min);
        }
        List<Tweet> tweets = all(out.resolve("tweets.csv"), CsvTable.TWEETS);
        Map<String, Long> actual = new HashMap<>();
        for (Tweet t : tweets) {
            actual.put(t.authorId() + "@" + window(t.createdAt()), t.createdAt());
            assertThat(Snowflake.workerOf(t.id())).isZero();
            assertThat(Snowflake.timestampOf(t.id())).isEqualTo(t.createdAt());
            assertThat(t.text()).endsWith(HiggsConverter.TOPIC);
            assertThat(t.lang()).isNull();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(tweets).extracting(Tweet::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void retweetsAndRepliesEngageTheTargetsTweetOfThatHour() {
        Map<Long, Tweet> tweets = new HashMap<>();
        all(out.resolve("tweets.csv"), CsvTable.TWEETS).forEach(t -> tweets.put(t.id(), t));
        Map<String, Long> expected = new HashMap<>();
        for (long[] a : activity) {
            if (a[3] != 2) {
                String key = a[0] + " " + (a[3] == 0 ? Rel.RETWEETED : Rel.REPLIED) + " " + a[1] + "@" + window(a[2]);
                expected.merge(key, a[2], Math::min);
            }
        }
        Map<String, Long> actual = new HashMap<>();
        for (Engagement e : all(out.resolve("engagements.csv"), CsvTable.ENGAGEMENTS)) {
            Tweet t = tweets.get(e.tweetId());
            String key = e.userId() + " " + e.type() + " " + t.authorId() + "@" + window(t.createdAt());
            assertThat(actual.put(key, e.createdAt())).as("repeated " + key).isNull();
            assertThat(e.createdAt()).isGreaterThanOrEqualTo(t.createdAt());
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(counts.retweets() + counts.replies()).isEqualTo(actual.size());
    }

    @Test
    void mentionsAreInTheTextOfTheActorsTweetOfThatHour() {
        Map<String, String> textOf = new HashMap<>();
        all(out.resolve("tweets.csv"), CsvTable.TWEETS)
                .forEach(t -> textOf.put(t.authorId() + "@" + window(t.createdAt()), t.text()));
        long mentions = 0;
        for (long[] a : activity) {
            if (a[3] == 2) {
                mentions++;
                assertThat(textOf.get(a[0] + "@" + window(a[2]))).contains("@u" + a[1] + " ");
            }
        }
        assertThat(mentions).isPositive();
        assertThat(counts.mentions()).isPositive().isLessThanOrEqualTo(mentions);
    }

    @Test
    void selfEventsCanBeDropped(@TempDir Path other) {
        // The first lines of the file hold self-events; with DROP they make no tweet or engagement.
        HiggsOptions opts = HiggsOptions.defaults()
                .withActivityLimit(ACTIVITY_LINES)
                .withFollows(false)
                .withSelfEvents(HiggsOptions.SelfEvents.DROP)
                .withWindow(Duration.ofHours(1));
        HiggsCounts dropped = new HiggsConverter().convert(higgs, other, opts, Progress.silent());
        long self = activity.stream().filter(a -> a[0] == a[1]).count();
        assertThat(dropped.selfEvents()).isEqualTo(self).isEqualTo(counts.selfEvents());
        assertThat(self).isPositive();
        assertThat(dropped.follows()).isZero();
        Map<Long, Long> authorOf = new HashMap<>();
        all(other.resolve("tweets.csv"), CsvTable.TWEETS).forEach(t -> authorOf.put(t.id(), t.authorId()));
        for (Engagement e : all(other.resolve("engagements.csv"), CsvTable.ENGAGEMENTS)) {
            assertThat(authorOf.get(e.tweetId())).isNotEqualTo(e.userId());
        }
        assertThat(dropped.retweets() + dropped.replies() + dropped.mentions())
                .isLessThan(counts.retweets() + counts.replies() + counts.mentions());
    }
}
