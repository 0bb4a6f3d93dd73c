package roost.api.eval;

/** One ranked item of a method's answer: a tweet, its author and the method's own score. */
public record Recommendation(long tweetId, long authorId, double score) {}
