package roost.procedures.communities;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.model.Labels;
import roost.model.Props;

/**
 * Names communities after their most-followed producers' handles and their top terms: the words
 * of the community's best tweets, ranked by the number of those tweets that use them times how
 * rare they are across communities ({@code log(1 + communities / communities using the word)}),
 * so words every community uses sink.
 */
final class CommunityNames {
    static final int HANDLES = 3;
    static final int TERMS = 3;
    static final int TWEETS_READ = 30;

    private CommunityNames() {}

    static void name(GraphDatabaseService db, CommunityState state, FollowData follows) {
        int n = state.communities.length;
        if (n == 0) {
            return;
        }
        List<List<Long>> topIds = new ArrayList<>();
        List<Long> allProducers = new ArrayList<>();
        List<Long> allTweets = new ArrayList<>();
        List<long[]> tweetIds = new ArrayList<>();
        for (CommunityState.Community c : state.communities) {
            Long[] members = Arrays.stream(c.members()).boxed().toArray(Long[]::new);
            Arrays.sort(
                    members,
                    (a, b) -> Integer.compare(
                            follows.followerCount(follows.indexOf(b)), follows.followerCount(follows.indexOf(a))));
            List<Long> top = Arrays.asList(members).subList(0, Math.min(HANDLES, members.length));
            topIds.add(top);
            allProducers.addAll(top);
            long[] tweets = state.top[c.id()].best(TWEETS_READ);
            tweetIds.add(tweets);
            for (long t : tweets) {
                allTweets.add(t);
            }
        }
        Map<Long, String> handles = new HashMap<>();
        db.executeTransactionally(
                "UNWIND $ids AS id MATCH (u:" + Labels.USER_NAME + " {" + Props.ID + ": id}) RETURN id, u."
                        + Props.HANDLE + " AS handle",
                Map.of("ids", allProducers),
                r -> {
                    r.forEachRemaining(
                            row -> handles.put(((Number) row.get("id")).longValue(), (String) row.get("handle")));
                    return null;
                });
        Map<Long, String> texts = new HashMap<>();
        db.executeTransactionally(
                "UNWIND $ids AS id MATCH (t:" + Labels.TWEET_NAME + " {" + Props.ID + ": id}) RETURN id, t."
                        + Props.TEXT + " AS text",
                Map.of("ids", allTweets),
                r -> {
                    r.forEachRemaining(row -> {
                        if (row.get("text") instanceof String text) {
                            texts.put(((Number) row.get("id")).longValue(), text);
                        }
                    });
                    return null;
                });
        List<Object2IntOpenHashMap<String>> df = new ArrayList<>();
        Object2IntOpenHashMap<String> communitiesUsing = new Object2IntOpenHashMap<>();
        for (int c = 0; c < n; c++) {
            Object2IntOpenHashMap<String> counts = new Object2IntOpenHashMap<>();
            for (long t : tweetIds.get(c)) {
                String text = texts.get(t);
                if (text != null) {
                    for (String w : words(text)) {
                        counts.addTo(w, 1);
                    }
                }
            }
            for (String w : counts.keySet()) {
                communitiesUsing.addTo(w, 1);
            }
            df.add(counts);
        }
        for (int c = 0; c < n; c++) {
            Object2IntOpenHashMap<String> counts = df.get(c);
            List<String> terms = counts.object2IntEntrySet().stream()
                    .filter(e -> e.getIntValue() >= 2)
                    .sorted((a, b) -> {
                        double sa = a.getIntValue() * Math.log(1 + (double) n / communitiesUsing.getInt(a.getKey()));
                        double sb = b.getIntValue() * Math.log(1 + (double) n / communitiesUsing.getInt(b.getKey()));
                        return sa != sb ? Double.compare(sb, sa) : a.getKey().compareTo(b.getKey());
                    })
                    .limit(TERMS)
                    .map(Map.Entry::getKey)
                    .toList();
            List<String> producers = topIds.get(c).stream()
                    .map(id -> handles.get(id) == null ? String.valueOf(id) : "@" + handles.get(id))
                    .toList();
            String name = String.join(" ", producers) + (terms.isEmpty() ? "" : " | " + String.join(" ", terms));
            CommunityState.Community old = state.communities[c];
            state.communities[c] = new CommunityState.Community(
                    old.id(), old.size(), name, producers, terms, old.members(), old.memberScores());
        }
    }

    /** Lower-cased words of at least three letters, each once per text; hashtags and mentions without their sign. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }
}
