package roost.importer.higgs;

import java.time.Duration;
import roost.model.RoostException;

/**
 * How {@link HiggsConverter} maps the Higgs data set. Immutable; {@link #defaults()} and the
 * {@code with...} methods make new instances.
 *
 * @param window length of the time window that stands for one tweet of an author (default 1 h)
 * @param activityLimit read only the first lines of the activity file (default: all)
 * @param followLimit read only the first lines of the follow file (default: all)
 * @param includeFollows read the follow file when it is there (default true)
 * @param selfEvents what to do with events where a user acts on themselves (default {@code KEEP})
 */
public record HiggsOptions(
        Duration window, long activityLimit, long followLimit, boolean includeFollows, SelfEvents selfEvents) {

    /** Events where userA == userB (7,588 of them in the full file). */
    public enum SelfEvents {
        /** Mapped like any other: a self-retweet or self-reply engages the user's own tweet of that window, a self-mention puts {@code @u<self>} in it. */
        KEEP,
        /** Left out. */
        DROP
    }

    public HiggsOptions {
        if (window == null || window.toMillis() < 1000) {
            throw new RoostException.InvalidArgument("window must be at least 1 s, was " + window);
        }
        if (activityLimit < 0 || followLimit < 0) {
            throw new RoostException.InvalidArgument(
                    "limits must be >= 0, were activity " + activityLimit + " and follow " + followLimit);
        }
        if (selfEvents == null) {
            throw new RoostException.InvalidArgument("selfEvents must be KEEP or DROP, was null");
        }
    }

    public static HiggsOptions defaults() {
        return new HiggsOptions(Duration.ofHours(1), Long.MAX_VALUE, Long.MAX_VALUE, true, SelfEvents.KEEP);
    }

    public HiggsOptions withWindow(Duration w) {
        return new HiggsOptions(w, activityLimit, followLimit, includeFollows, selfEvents);
    }

    public HiggsOptions withActivityLimit(long lines) {
        return new HiggsOptions(window, lines, followLimit, includeFollows, selfEvents);
    }

    public HiggsOptions withFollowLimit(long lines) {
        return new HiggsOptions(window, activityLimit, lines, includeFollows, selfEvents);
    }

    public HiggsOptions withFollows(boolean include) {
        return new HiggsOptions(window, activityLimit, followLimit, include, selfEvents);
    }

    public HiggsOptions withSelfEvents(SelfEvents policy) {
        return new HiggsOptions(window, activityLimit, followLimit, includeFollows, policy);
    }
}
