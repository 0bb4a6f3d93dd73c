package roost.api.eval;

import java.nio.file.Path;
import java.util.Set;
import roost.model.Rel;

/**
 * What one evaluation does.
 *
 * @param data a generic-CSV directory
 * @param split epoch milliseconds: what happened before it is the state, engagements from it on are targets
 * @param horizonEnd targets are engagements before this time ({@code Long.MAX_VALUE}: to the end of the data)
 * @param windowMillis the window before the split from which "popular" counts engagements and "random" and
 *     the ideal ranking draw tweets
 * @param viewers how many eligible viewers are sampled
 * @param seed the sampling seed and the random baseline's seed
 * @param ks the cut-offs, ascending
 * @param targetTypes the engagement types that count as targets
 * @param out where the report and the plots go
 * @param workDir where the pre-split CSV and database go and stay (null: a temporary directory, deleted after the run)
 * @param onlyFollowing sample only viewers who followed at least one account at the split
 */
public record EvalSettings(
        Path data,
        long split,
        long horizonEnd,
        long windowMillis,
        int viewers,
        long seed,
        int[] ks,
        Set<Rel> targetTypes,
        Path out,
        Path workDir,
        boolean onlyFollowing) {

    public int maxK() {
        return ks[ks.length - 1];
    }
}
