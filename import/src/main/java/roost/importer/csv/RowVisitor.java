package roost.importer.csv;

import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;

/**
 * Receives the rows of a {@link CsvDirectory}, file by file in {@link CsvTable#ALL} order. A visitor
 * refuses a row by throwing {@link Rejected}; the directory turns that into an
 * {@link roost.importer.ImportException} with the file and line.
 */
public interface RowVisitor {
    default void user(User user) {}

    default void tweet(Tweet tweet) {}

    default void follow(Follow follow) {}

    default void engagement(Engagement engagement) {}

    /** A row of user-signals.csv ({@code targetIsTweet} false) or tweet-signals.csv (true). */
    default void signal(Signal signal) {}

    /** Called after the last row of each file that is present. */
    default void endOfFile(CsvTable<?> table) {}

    /** A row that a visitor refuses, with the reason. */
    final class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
