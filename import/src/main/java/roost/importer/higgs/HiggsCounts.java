package roost.importer.higgs;

/**
 * What {@link HiggsConverter} read and wrote.
 *
 * @param activityLines activity lines read
 * @param followLines follow lines read
 * @param users users written (every id in the lines read)
 * @param tweets tweets written (one per author and window with an event)
 * @param follows follows written
 * @param retweets RETWEETED engagements written
 * @param replies REPLIED engagements written
 * @param mentions mentions put into tweet texts
 * @param mergedEvents RT, RE or MT events that repeated one already mapped (same user, type and tweet)
 * @param selfEvents events with userA == userB (kept or dropped as the options say)
 * @param selfFollowsDropped follow lines "A A", left out
 * @param duplicateFollowsDropped follow lines repeating an earlier one, left out
 * @param seconds wall time
 */
public record HiggsCounts(
        long activityLines,
        long followLines,
        long users,
        long tweets,
        long follows,
        long retweets,
        long replies,
        long mentions,
        long mergedEvents,
        long selfEvents,
        long selfFollowsDropped,
        long duplicateFollowsDropped,
        double seconds) {}
