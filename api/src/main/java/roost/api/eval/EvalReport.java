package roost.api.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;

/** The markdown report of an evaluation: the task stated exactly, the metrics per K, the lift of the pipeline. */
public final class EvalReport {
    private EvalReport() {}

    /** A metric of a method at the j-th cut-off, with its column name. */
    private record Metric(String name, ToDoubleBiFunction<MethodScore, Integer> value) {}

    private static final List<Metric> LIFT_METRICS = List.of(
            new Metric("tweet recall", MethodScore::tweetRecall),
            new Metric("tweet NDCG", MethodScore::tweetNdcg),
            new Metric("author recall", MethodScore::authorRecall),
            new Metric("author NDCG", MethodScore::authorNdcg),
            new Metric("author hit rate", MethodScore::authorHitRate));

    public static String markdown(Evaluation.Result r, String command) {
        return markdown(r, command, null);
    }

    /** @param source what the data set was before it became the generic CSV that was read (null: the CSV itself) */
    public static String markdown(Evaluation.Result r, String command, String source) {
        EvalSettings s = r.settings();
        DataSplit d = r.data();
        StringBuilder b = new StringBuilder();
        b.append("# Offline evaluation\n\n");
        if (command != null) {
            b.append("```bash\n").append(command).append("\n```\n\n");
        }
        b.append("## The task\n\n");
        b.append("- Data: `")
                .append(source != null ? source : s.data())
                .append(source != null ? "`, converted to the generic CSV format.\n" : "` (generic CSV).\n");
        b.append("- Split: ")
                .append(Instant.ofEpochMilli(s.split()))
                .append(". The methods see only the state before")
                .append(
                        " it: users created, tweets posted, follows made, engagements and negative signals given before")
                .append(" the split, bulk-loaded into a fresh database (")
                .append(String.format(Locale.ROOT, "%,d", d.rowsBefore))
                .append(" rows).\n");
        b.append("- Targets: engagements of the types ")
                .append(s.targetTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                .append(" made at or after the split")
                .append(
                        s.horizonEnd() == Long.MAX_VALUE
                                ? " (to the end of the data)"
                                : " and before " + Instant.ofEpochMilli(s.horizonEnd()))
                .append(String.format(Locale.ROOT, ": %,d engagements.%n", d.targetEngagements));
        b.append("- Tweet level: a hit is a tweet that existed at the split, not by the viewer and not engaged with by")
                .append(" the viewer before it, which the viewer engaged with after it.\n");
        b.append("- Author level: a hit is an author (not the viewer) of any tweet the viewer engaged with after the")
                .append(" split, new tweets included; the items are the distinct authors of the first K tweets, in")
                .append(" order of first appearance.\n");
        b.append(String.format(
                Locale.ROOT,
                "- Viewers: %,d sampled (seed %d) of the %,d users active on both sides: at least one engagement"
                        + " before the split and at least one author-level target after it%s. %,d of them have"
                        + " tweet-level targets; tweet-level means are over those.%n",
                r.viewers(),
                s.seed(),
                r.eligibleViewers(),
                s.onlyFollowing() ? ", who followed at least one account at the split (--only-following)" : "",
                r.scores().isEmpty() ? 0 : r.scores().get(0).tweetViewers));
        b.append(String.format(
                Locale.ROOT,
                "- %,d of the sampled viewers followed at least one account at the split (the in-network methods"
                        + " have nothing to show to the others).%n",
                r.viewersFollowing()));
        b.append(String.format(
                Locale.ROOT,
                "- Window before the split for `popular`, `random`%s: %s.%n",
                d.hasInterests() ? " and the ideal ranking" : "",
                Duration.ofMillis(s.windowMillis()).toString().substring(2).toLowerCase(Locale.ROOT)));
        b.append("- Recall@K = hits in the first K / targets; NDCG@K with binary relevance; hit rate@K = share of")
                .append(
                        " viewers with a hit in the first K; authors/page = distinct authors in the first K; in-network")
                .append(" = share of items by accounts the viewer followed at the split; coverage = distinct authors")
                .append(" shown to any viewer")
                .append(String.format(Locale.ROOT, " (of %,d who posted before the split)", d.tweetsByAuthor.size()))
                .append(
                        d.hasCommunities()
                                ? "; communities/page = distinct planted communities of the first K tweets"
                                : "")
                .append(".\n");
        b.append(String.format(
                Locale.ROOT,
                "- Run time: %.1f s on %d cores.%n%n",
                r.seconds(),
                Runtime.getRuntime().availableProcessors()));
        b.append("## Methods\n\n");
        for (MethodScore m : r.scores()) {
            b.append("- `")
                    .append(m.method.name())
                    .append("` (")
                    .append(m.method.kind().name().toLowerCase(Locale.ROOT))
                    .append(String.format(Locale.ROOT, "): %.2f ms per viewer", m.millisPerViewer()));
            if (m.empty > 0) {
                b.append(String.format(Locale.ROOT, ", empty for %,d viewers", m.empty));
            }
            if (m.method.name().equals(IdealRanking.AUTHORS)) {
                b.append("; one tweet stands for each author, so only its author-level figures mean anything");
            }
            if (m.errors > 0) {
                b.append(String.format(Locale.ROOT, ", failed for %,d viewers", m.errors));
            }
            b.append('\n');
        }
        b.append('\n');
        int[] ks = s.ks();
        for (int j = 0; j < ks.length; j++) {
            b.append(table(r, j));
        }
        MethodScore ideal = ideal(r, IdealRanking.TWEETS);
        MethodScore idealAuthors = ideal(r, IdealRanking.AUTHORS);
        if (ideal != null && idealAuthors != null) {
            b.append("## Fraction of the ideal NDCG\n\n");
            b.append("NDCG of each method divided by the NDCG of the ranking the generator's ground truth implies:")
                    .append(" `")
                    .append(IdealRanking.TWEETS)
                    .append("` for the tweet level, `")
                    .append(IdealRanking.AUTHORS)
                    .append("` for the author level (see the methods above).\n\n");
            b.append("| method |");
            for (int k : ks) {
                b.append(" tweet @").append(k).append(" | author @").append(k).append(" |");
            }
            b.append("\n|---|").append("---:|".repeat(2 * ks.length)).append('\n');
            for (MethodScore m : r.scores()) {
                if (m.method.kind() == Method.Kind.IDEAL) {
                    continue;
                }
                b.append("| ").append(m.method.name()).append(" |");
                for (int j = 0; j < ks.length; j++) {
                    b.append(' ')
                            .append(ratio(m.tweetNdcg(j), ideal.tweetNdcg(j)))
                            .append(" |");
                    b.append(' ')
                            .append(ratio(m.authorNdcg(j), idealAuthors.authorNdcg(j)))
                            .append(" |");
                }
                b.append('\n');
            }
            b.append('\n');
        }
        b.append(lift(r));
        return b.toString();
    }

    private static String table(Evaluation.Result r, int j) {
        int k = r.settings().ks()[j];
        boolean communities = r.data().hasCommunities();
        StringBuilder b = new StringBuilder();
        b.append("## K = ").append(k).append("\n\n");
        b.append(
                        "| method | tweet recall | tweet NDCG | tweet hit rate | author recall | author NDCG | author hit rate |")
                .append(" items | authors/page |")
                .append(communities ? " communities/page |" : "")
                .append(" in-network | author coverage |\n");
        b.append("|---|").append("---:|".repeat(communities ? 11 : 10)).append('\n');
        for (MethodScore m : r.scores()) {
            boolean tweets = m.tweetViewers > 0;
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %.4f | %.4f | %.3f | %.1f | %.1f |",
                    m.method.name(),
                    tweets ? String.format(Locale.ROOT, "%.4f", m.tweetRecall(j)) : "n/a",
                    tweets ? String.format(Locale.ROOT, "%.4f", m.tweetNdcg(j)) : "n/a",
                    tweets ? String.format(Locale.ROOT, "%.3f", m.tweetHitRate(j)) : "n/a",
                    m.authorRecall(j),
                    m.authorNdcg(j),
                    m.authorHitRate(j),
                    m.meanItems(j),
                    m.distinctAuthors(j)));
            if (communities) {
                b.append(String.format(Locale.ROOT, " %.2f |", m.communitiesPerPage(j)));
            }
            b.append(String.format(Locale.ROOT, " %.3f | %,d |%n", m.inNetworkShare(j), m.coveredAuthors(j)));
        }
        b.append('\n');
        return b.toString();
    }

    /** The best method other than the pipeline and the ideal ranking, by a metric at the j-th cut-off. */
    static MethodScore bestBaseline(Evaluation.Result r, ToDoubleBiFunction<MethodScore, Integer> metric, int j) {
        MethodScore best = null;
        for (MethodScore m : r.scores()) {
            if (m.method.kind() == Method.Kind.BASELINE || m.method.kind() == Method.Kind.SOURCE) {
                if (best == null || metric.applyAsDouble(m, j) > metric.applyAsDouble(best, j)) {
                    best = m;
                }
            }
        }
        return best;
    }

    private static String lift(Evaluation.Result r) {
        MethodScore pipeline = r.scores().stream()
                .filter(m -> m.method.kind() == Method.Kind.PIPELINE)
                .findFirst()
                .orElse(null);
        if (pipeline == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("## Lift of the pipeline over the best baseline\n\n");
        b.append("The best of the baselines and single sources for each metric, and the pipeline's value as a")
                .append(" ratio to it (above 1.00: the pipeline is better).\n\n");
        b.append("| metric | K | best baseline | its value | pipeline | lift |\n|---|---:|---|---:|---:|---:|\n");
        int[] ks = r.settings().ks();
        for (Metric metric : LIFT_METRICS) {
            if (metric.name().startsWith("tweet") && pipeline.tweetViewers == 0) {
                continue; // no viewer has a tweet-level target
            }
            for (int j = 0; j < ks.length; j++) {
                MethodScore best = bestBaseline(r, metric.value(), j);
                if (best == null) {
                    continue;
                }
                double p = metric.value().applyAsDouble(pipeline, j);
                double v = metric.value().applyAsDouble(best, j);
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %s | %.4f | %.4f | %s |%n",
                        metric.name(),
                        ks[j],
                        best.method.name(),
                        v,
                        p,
                        ratio(p, v)));
            }
        }
        b.append('\n');
        return b.toString();
    }

    private static MethodScore ideal(Evaluation.Result r, String name) {
        return r.scores().stream()
                .filter(m -> m.method.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
