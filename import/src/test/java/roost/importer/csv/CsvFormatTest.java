package roost.importer.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roost.importer.ImportException;
import roost.importer.Progress;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;

class CsvFormatTest {
    @TempDir
    Path dir;

    private static final List<User> USERS = List.of(
            new User(1, "alice", 1_000, true),
            new User(2, "bo,b \"the\" builder", 2_000, false),
            new User(-3, "ç日本", 3, false));
    private static final List<Tweet> TWEETS = List.of(
            new Tweet(
                    10, 1, 100, "hello, \"world\"\nsecond line \\ end", "en", true, false, true, null, 10L, null, null),
            new Tweet(11, 2, 200, null, null, false, true, false, 10L, 10L, 10L, 10L),
            new Tweet(12, -3, 300, "", "ja", false, false, false, null, null, null, null));

    private void writeSample() {
        try (CsvWriter w = new CsvWriter(dir)) {
            USERS.forEach(w::user);
            TWEETS.forEach(w::tweet);
            w.follow(new Follow(1, 2, 5));
            w.engagement(new Engagement(2, 10, Rel.LIKED, 6));
            w.engagement(new Engagement(1, 11, Rel.VIDEO_VIEWED, 7));
            w.signal(new Signal(1, -3, false, Rel.BLOCKED, 8));
            w.signal(new Signal(2, 12, true, Rel.NOT_INTERESTED, 9));
        }
    }

    private static <T> List<T> readAll(Path file, CsvTable<T> table) {
        List<T> out = new ArrayList<>();
        try (CsvRecordReader<T> r = CsvRecordReader.open(file, table)) {
            for (T row = r.next(); row != null; row = r.next()) {
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void whatIsWrittenReadsBackEqual() {
        writeSample();
        assertThat(readAll(dir.resolve("users.csv"), CsvTable.USERS)).isEqualTo(USERS);
        assertThat(readAll(dir.resolve("tweets.csv"), CsvTable.TWEETS)).isEqualTo(TWEETS);
        assertThat(readAll(dir.resolve("follows.csv"), CsvTable.FOLLOWS)).containsExactly(new Follow(1, 2, 5));
        assertThat(readAll(dir.resolve("engagements.csv"), CsvTable.ENGAGEMENTS))
                .containsExactly(new Engagement(2, 10, Rel.LIKED, 6), new Engagement(1, 11, Rel.VIDEO_VIEWED, 7));
        assertThat(readAll(dir.resolve("user-signals.csv"), CsvTable.USER_SIGNALS))
                .containsExactly(new Signal(1, -3, false, Rel.BLOCKED, 8));
        assertThat(readAll(dir.resolve("tweet-signals.csv"), CsvTable.TWEET_SIGNALS))
                .containsExactly(new Signal(2, 12, true, Rel.NOT_INTERESTED, 9));
        CsvSummary summary = CsvValidator.validate(new CsvDirectory(dir), Progress.silent());
        assertThat(summary.rowsPerFile())
                .containsEntry("users.csv", 3L)
                .containsEntry("tweets.csv", 3L)
                .containsEntry("engagements.csv", 2L);
    }

    @Test
    void onlyUsersIsRequired() throws Exception {
        Files.writeString(dir.resolve("users.csv"), "id,handle,createdAt,verified\n7,x,1,TRUE\n");
        assertThat(CsvValidator.validate(new CsvDirectory(dir), Progress.silent())
                        .totalRows())
                .isEqualTo(1);
        Files.delete(dir.resolve("users.csv"));
        assertThatThrownBy(() -> new CsvDirectory(dir)).hasMessageContaining("has no users.csv");
    }

    /** Writes the sample, replaces {@code line} (1-based) of {@code file}, validates. */
    private ImportException failureAfterEditing(String file, int line, String replacement) throws Exception {
        writeSample();
        Path p = dir.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(p));
        lines.set(line - 1, replacement);
        Files.write(p, lines);
        return org.junit.jupiter.api.Assertions.assertThrows(
                ImportException.class, () -> CsvValidator.validate(new CsvDirectory(dir), Progress.silent()));
    }

    @Test
    void wrongColumnCountNamesFileLineAndReason() throws Exception {
        ImportException e = failureAfterEditing("follows.csv", 2, "1,2");
        assertThat(e.file().getFileName().toString()).isEqualTo("follows.csv");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage())
                .endsWith("follows.csv line 2: expected 3 columns (followerId,followeeId,createdAt), found 2");
    }

    @Test
    void nonNumericId() throws Exception {
        assertThat(failureAfterEditing("users.csv", 3, "x2,bob,2000,false").getMessage())
                .endsWith("users.csv line 3: id is not a number: 'x2'");
    }

    @Test
    void unknownType() throws Exception {
        assertThat(failureAfterEditing("engagements.csv", 3, "1,11,BLOCKED,7").getMessage())
                .contains("engagements.csv line 3: unknown type 'BLOCKED'");
        assertThat(failureAfterEditing("tweet-signals.csv", 2, "2,12,MUTED,9").getMessage())
                .contains("tweet-signals.csv line 2: unknown type 'MUTED'");
    }

    @Test
    void badBoolean() throws Exception {
        assertThat(failureAfterEditing("users.csv", 2, "1,alice,1000,yes").getMessage())
                .endsWith("users.csv line 2: verified must be true or false, was 'yes'");
    }

    @Test
    void referenceToUnknownUserOrTweet() throws Exception {
        assertThat(failureAfterEditing("follows.csv", 2, "1,99,5").getMessage())
                .endsWith("follows.csv line 2: followeeId 99 is not in users.csv");
        assertThat(failureAfterEditing("engagements.csv", 2, "2,77,LIKED,6").getMessage())
                .endsWith("engagements.csv line 2: tweetId 77 is not in tweets.csv");
    }

    @Test
    void duplicateIdAndBadHeader() throws Exception {
        assertThat(failureAfterEditing("users.csv", 3, "1,again,5,false").getMessage())
                .endsWith("users.csv line 3: user id 1 appears more than once in users.csv");
        assertThat(failureAfterEditing("tweets.csv", 1, "id,author").getMessage())
                .contains("tweets.csv line 1: the header must be 'id,authorId,createdAt,text,lang,hasMedia,");
    }

    @Test
    void lineNumbersCountTheLinesInsideQuotedText() throws Exception {
        writeSample();
        // Line 2 and 3 are the first tweet (its text holds a line break); the second tweet is on line 4.
        Path p = dir.resolve("tweets.csv");
        String text = Files.readString(p).replace("11,2,200,", "11,2,2x0,");
        Files.writeString(p, text);
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(
                ImportException.class, () -> CsvValidator.validate(new CsvDirectory(dir), Progress.silent()));
        assertThat(e.getMessage()).endsWith("tweets.csv line 4: createdAt is not a number: '2x0'");
    }
}
