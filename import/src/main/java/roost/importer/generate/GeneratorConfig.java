package roost.importer.generate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import roost.model.RoostException;

/**
 * What {@link Generator} makes. Immutable; start from {@link #defaults()} and change fields with the
 * {@code with...} methods. Invalid values are refused with the field, the value and the allowed range.
 *
 * @param users number of users (default 20,000)
 * @param avgFollows mean number of accounts a user follows (default 40)
 * @param communities number of planted interest communities (default 24)
 * @param tweetsPerUser mean tweets per user over the history (default 8)
 * @param engagementsPerUser mean engagement relationships per user from what they see (default 30;
 *     replies and quotes, which come from reply and quote tweets, are extra)
 * @param negativesPerUser mean negative signals per user (default 0.5)
 * @param days length of the history in days (default 30)
 * @param startMillis start of the history, epoch milliseconds (default 2024-01-01T00:00:00Z)
 * @param seed seed of every random choice (default 42): the same config gives byte-identical files
 */
public record GeneratorConfig(
        int users,
        double avgFollows,
        int communities,
        double tweetsPerUser,
        double engagementsPerUser,
        double negativesPerUser,
        int days,
        long startMillis,
        long seed) {

    public static final int MAX_USERS = 100_000_000;
    public static final int MAX_COMMUNITIES = 10_000;

    public GeneratorConfig {
        check("users", users, 2, MAX_USERS);
        check("communities", communities, 1, Math.min(MAX_COMMUNITIES, users));
        check("avgFollows", avgFollows, 0, Math.min(5_000, users - 1));
        check("tweetsPerUser", tweetsPerUser, 0, 10_000);
        check("engagementsPerUser", engagementsPerUser, 0, 10_000);
        check("negativesPerUser", negativesPerUser, 0, 1_000);
        check("days", days, 1, 3_650);
        // Tweet ids are Snowflake ids: the history must start after the Snowflake epoch (2010-11-04)
        // and leave room for three years of accounts created before it.
        check(
                "startMillis",
                startMillis,
                Instant.parse("2014-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
    }

    public static GeneratorConfig defaults() {
        return new GeneratorConfig(
                20_000,
                40,
                24,
                8,
                30,
                0.5,
                30,
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                42);
    }

    public GeneratorConfig withUsers(int n) {
        return new GeneratorConfig(
                n,
                avgFollows,
                communities,
                tweetsPerUser,
                engagementsPerUser,
                negativesPerUser,
                days,
                startMillis,
                seed);
    }

    public GeneratorConfig withAvgFollows(double n) {
        return new GeneratorConfig(
                users, n, communities, tweetsPerUser, engagementsPerUser, negativesPerUser, days, startMillis, seed);
    }

    public GeneratorConfig withCommunities(int n) {
        return new GeneratorConfig(
                users, avgFollows, n, tweetsPerUser, engagementsPerUser, negativesPerUser, days, startMillis, seed);
    }

    public GeneratorConfig withTweetsPerUser(double n) {
        return new GeneratorConfig(
                users, avgFollows, communities, n, engagementsPerUser, negativesPerUser, days, startMillis, seed);
    }

    public GeneratorConfig withEngagementsPerUser(double n) {
        return new GeneratorConfig(
                users, avgFollows, communities, tweetsPerUser, n, negativesPerUser, days, startMillis, seed);
    }

    public GeneratorConfig withNegativesPerUser(double n) {
        return new GeneratorConfig(
                users, avgFollows, communities, tweetsPerUser, engagementsPerUser, n, days, startMillis, seed);
    }

    public GeneratorConfig withDays(int n) {
        return new GeneratorConfig(
                users,
                avgFollows,
                communities,
                tweetsPerUser,
                engagementsPerUser,
                negativesPerUser,
                n,
                startMillis,
                seed);
    }

    public GeneratorConfig withStart(Instant start) {
        return new GeneratorConfig(
                users,
                avgFollows,
                communities,
                tweetsPerUser,
                engagementsPerUser,
                negativesPerUser,
                days,
                start.toEpochMilli(),
                seed);
    }

    public GeneratorConfig withSeed(long s) {
        return new GeneratorConfig(
                users,
                avgFollows,
                communities,
                tweetsPerUser,
                engagementsPerUser,
                negativesPerUser,
                days,
                startMillis,
                s);
    }

    /** End of the history (exclusive), epoch milliseconds. */
    public long endMillis() {
        return startMillis + days * 86_400_000L;
    }

    /** The fields by name, in declaration order (for {@code generator.properties}). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("users", Integer.toString(users));
        m.put("avgFollows", Double.toString(avgFollows));
        m.put("communities", Integer.toString(communities));
        m.put("tweetsPerUser", Double.toString(tweetsPerUser));
        m.put("engagementsPerUser", Double.toString(engagementsPerUser));
        m.put("negativesPerUser", Double.toString(negativesPerUser));
        m.put("days", Integer.toString(days));
        m.put("start", Instant.ofEpochMilli(startMillis).toString());
        m.put("seed", Long.toString(seed));
        return m;
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new RoostException.InvalidArgument(
                    name + " must be in [" + fmt(min) + ", " + fmt(max) + "], was " + fmt(value));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e18 ? Long.toString((long) v) : Double.toString(v);
    }
}
