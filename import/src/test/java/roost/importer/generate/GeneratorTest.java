package roost.importer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import roost.importer.Progress;
import roost.importer.csv.CsvDirectory;
import roost.importer.csv.CsvRecordReader;
import roost.importer.csv.CsvSummary;
import roost.importer.csv.CsvTable;
import roost.importer.csv.CsvValidator;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Rel;
import roost.model.RoostException;
import roost.model.Snowflake;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorTest {
    static final GeneratorConfig SMALL = GeneratorConfig.defaults()
            .withUsers(600)
            .withCommunities(6)
            .withAvgFollows(12)
            .withSeed(7);

    Path tmp;

    Path first;
    GeneratorResult result;

    @BeforeAll
    void generate(@TempDir Path dir) {
        tmp = dir;
        first = tmp.resolve("first");
        result = new Generator().generate(SMALL, first, Progress.silent());
    }

    private static final List<String> FILES = List.of(
            "users.csv",
            "tweets.csv",
            "follows.csv",
            "engagements.csv",
            "user-signals.csv",
            "tweet-signals.csv",
            Generator.TRUTH_USER_INTERESTS,
            Generator.TRUTH_TWEET_COMMUNITIES,
            Generator.TRUTH_COMMUNITIES,
            Generator.PROPERTIES);

    @Test
    void sameSeedGivesIdenticalBytes() throws Exception {
        Path second = tmp.resolve("second");
        new Generator().generate(SMALL, second, Progress.silent());
        for (String f : FILES) {
            assertThat(Files.mismatch(first.resolve(f), second.resolve(f)))
                    .as(f)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedGivesDifferentNetwork() throws Exception {
        Path other = tmp.resolve("other");
        new Generator().generate(SMALL.withSeed(8), other, Progress.silent());
        assertThat(Files.mismatch(first.resolve("follows.csv"), other.resolve("follows.csv")))
                .isNotEqualTo(-1L);
        assertThat(Files.mismatch(first.resolve("tweets.csv"), other.resolve("tweets.csv")))
                .isNotEqualTo(-1L);
    }

    @Test
    void filesAreValidAndMatchTheResult() {
        CsvSummary summary = CsvValidator.validate(new CsvDirectory(first), Progress.silent());
        assertThat(summary.rows(CsvTable.USERS)).isEqualTo(600).isEqualTo(result.users());
        assertThat(summary.rows(CsvTable.FOLLOWS)).isEqualTo(result.follows());
        assertThat(summary.rows(CsvTable.TWEETS)).isEqualTo(result.tweets());
        assertThat(summary.rows(CsvTable.ENGAGEMENTS)).isEqualTo(result.engagementCount());
        assertThat(result.follows()).isBetween(600L * 8, 600L * 16);
        assertThat(result.tweets()).isBetween(600L * 5, 600L * 11);
    }

    @Test
    void everyEngagementTypeAppearsWithLikesMost() {
        Map<Rel, Long> e = result.engagements();
        assertThat(e.keySet()).isEqualTo(Rel.ofKind(Rel.Kind.ENGAGEMENT));
        long likes = e.get(Rel.LIKED);
        assertThat(e.values()).allMatch(n -> n <= likes);
        assertThat(e.get(Rel.CLICKED)).isGreaterThan(e.get(Rel.RETWEETED));
        assertThat(e.get(Rel.RETWEETED)).isGreaterThan(e.get(Rel.QUOTED));
        assertThat(result.userSignals() + result.tweetSignals()).isPositive();
    }

    @Test
    void relationshipRowsAreUniqueAndInTime() {
        Long2LongOpenHashMap tweetTime = new Long2LongOpenHashMap();
        Map<Long, Boolean> video = new HashMap<>();
        try (CsvRecordReader<Tweet> r = CsvRecordReader.open(first.resolve("tweets.csv"), CsvTable.TWEETS)) {
            for (Tweet t = r.next(); t != null; t = r.next()) {
                tweetTime.put(t.id(), t.createdAt());
                video.put(t.id(), t.hasVideo());
                assertThat(Snowflake.timestampOf(t.id())).isEqualTo(t.createdAt());
                assertThat(t.createdAt()).isBetween(SMALL.startMillis(), SMALL.endMillis());
            }
        }
        Set<String> follows = new HashSet<>();
        try (CsvRecordReader<Follow> r = CsvRecordReader.open(first.resolve("follows.csv"), CsvTable.FOLLOWS)) {
            for (Follow f = r.next(); f != null; f = r.next()) {
                assertThat(f.followerId()).isNotEqualTo(f.followeeId());
                assertThat(follows.add(f.followerId() + ">" + f.followeeId())).isTrue();
            }
        }
        Set<String> engagements = new HashSet<>();
        try (CsvRecordReader<Engagement> r =
                CsvRecordReader.open(first.resolve("engagements.csv"), CsvTable.ENGAGEMENTS)) {
            for (Engagement e = r.next(); e != null; e = r.next()) {
                assertThat(engagements.add(e.userId() + " " + e.type() + " " + e.tweetId()))
                        .isTrue();
                assertThat(e.createdAt())
                        .isGreaterThanOrEqualTo(tweetTime.get(e.tweetId()))
                        .isLessThan(SMALL.endMillis());
                if (e.type() == Rel.VIDEO_VIEWED) {
                    assertThat(video.get(e.tweetId())).isTrue();
                }
            }
        }
        Set<String> signals = new HashSet<>();
        for (CsvTable<Signal> table : List.of(CsvTable.USER_SIGNALS, CsvTable.TWEET_SIGNALS)) {
            try (CsvRecordReader<Signal> r = CsvRecordReader.open(first.resolve(table.fileName()), table)) {
                for (Signal s = r.next(); s != null; s = r.next()) {
                    assertThat(signals.add(s.userId() + " " + s.type() + " " + s.targetIsTweet() + " " + s.targetId()))
                            .isTrue();
                }
            }
        }
        assertThat(signals).isNotEmpty();
    }

    @Test
    void groundTruthCoversEveryUserAndTweet() throws Exception {
        List<String> interests = Files.readAllLines(first.resolve(Generator.TRUTH_USER_INTERESTS));
        assertThat(interests.get(0)).isEqualTo("userId,community,weight");
        Map<Long, Double> weightSum = new HashMap<>();
        Map<Long, Set<Integer>> communitiesOf = new HashMap<>();
        for (String line : interests.subList(1, interests.size())) {
            String[] f = line.split(",");
            long user = Long.parseLong(f[0]);
            weightSum.merge(user, Double.parseDouble(f[2]), Double::sum);
            communitiesOf.computeIfAbsent(user, u -> new HashSet<>()).add(Integer.parseInt(f[1]));
        }
        assertThat(weightSum).hasSize(600);
        assertThat(weightSum.values()).allSatisfy(w -> assertThat(w).isBetween(0.999, 1.001));
        assertThat(communitiesOf.values()).allSatisfy(cs -> assertThat(cs).hasSizeBetween(1, 3));

        Long2IntOpenHashMap community = new Long2IntOpenHashMap();
        List<String> tweetTruth = Files.readAllLines(first.resolve(Generator.TRUTH_TWEET_COMMUNITIES));
        for (String line : tweetTruth.subList(1, tweetTruth.size())) {
            String[] f = line.split(",");
            community.put(Long.parseLong(f[0]), Integer.parseInt(f[1]));
        }
        assertThat((long) community.size()).isEqualTo(result.tweets());
        try (CsvRecordReader<Tweet> r = CsvRecordReader.open(first.resolve("tweets.csv"), CsvTable.TWEETS)) {
            for (Tweet t = r.next(); t != null; t = r.next()) {
                assertThat(communitiesOf.get(t.authorId())).contains(community.get(t.id()));
            }
        }
        assertThat(Files.readAllLines(first.resolve(Generator.TRUTH_COMMUNITIES)))
                .hasSize(1 + 6);
        assertThat(Files.readString(first.resolve(Generator.PROPERTIES)))
                .contains("users=600", "seed=7", "rows.follows.csv=" + result.follows());
    }

    @Test
    void engagementsFollowInterests() throws Exception {
        // Most engagements are with tweets of the user's own communities: the signal a recommender learns.
        Map<Long, Set<Integer>> communitiesOf = new HashMap<>();
        for (String[] f : rows(Generator.TRUTH_USER_INTERESTS)) {
            communitiesOf
                    .computeIfAbsent(Long.parseLong(f[0]), u -> new HashSet<>())
                    .add(Integer.parseInt(f[1]));
        }
        Long2IntOpenHashMap community = new Long2IntOpenHashMap();
        for (String[] f : rows(Generator.TRUTH_TWEET_COMMUNITIES)) {
            community.put(Long.parseLong(f[0]), Integer.parseInt(f[1]));
        }
        long inInterest = 0;
        long total = 0;
        try (CsvRecordReader<Engagement> r =
                CsvRecordReader.open(first.resolve("engagements.csv"), CsvTable.ENGAGEMENTS)) {
            for (Engagement e = r.next(); e != null; e = r.next()) {
                total++;
                if (communitiesOf.get(e.userId()).contains(community.get(e.tweetId()))) {
                    inInterest++;
                }
            }
        }
        assertThat((double) inInterest / total).isGreaterThan(0.8);
    }

    /** The data lines of a ground-truth file, split on commas (they hold no quoted text). */
    private List<String[]> rows(String file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(first.resolve(file));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    @Test
    void refusesBadConfigNamingFieldValueAndRange() {
        assertThatThrownBy(() -> GeneratorConfig.defaults().withUsers(1))
                .isInstanceOf(RoostException.InvalidArgument.class)
                .hasMessage("users must be in [2, 100000000], was 1");
        assertThatThrownBy(() -> GeneratorConfig.defaults().withDays(0))
                .hasMessageContaining("days must be in [1, 3650]");
    }
}
