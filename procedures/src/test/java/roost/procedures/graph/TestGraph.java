package roost.procedures.graph;

import java.time.Duration;

/** Hand-built live graphs for algorithm tests: engagements and follows, published on {@link #publish()}. */
public final class TestGraph {
    public static final long T0 = 1_341_360_000_000L;
    public static final int LIKED = EngagementTypes.code(roost.model.Rel.LIKED);
    public static final int RETWEETED = EngagementTypes.code(roost.model.Rel.RETWEETED);
    public static final int REPLIED = EngagementTypes.code(roost.model.Rel.REPLIED);

    public final EngagementGraph engagements;
    public final FollowGraph follows = new FollowGraph();
    private long clock = T0;

    public TestGraph() {
        this(Duration.ofHours(48));
    }

    public TestGraph(Duration window) {
        engagements = new EngagementGraph(new EngagementGraph.Settings(window, window, 16));
    }

    /** An engagement one millisecond after the previous one. */
    public TestGraph engage(long user, long tweet, long author, int type) {
        engagements.add(user, tweet, author, type, ++clock);
        return this;
    }

    public TestGraph engageAt(long user, long tweet, long author, int type, long time) {
        engagements.add(user, tweet, author, type, time);
        clock = Math.max(clock, time);
        return this;
    }

    public TestGraph follow(long follower, long... followees) {
        for (long f : followees) {
            follows.add(follower, f);
        }
        return this;
    }

    public TestGraph publish() {
        engagements.publish();
        follows.publish();
        return this;
    }

    public EngagementSnapshot e() {
        return engagements.snapshot();
    }

    public FollowSnapshot f() {
        return follows.snapshot();
    }
}
