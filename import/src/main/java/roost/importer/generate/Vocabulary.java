package roost.importer.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The words of the generated tweets: per community a list of made-up words (ranked, drawn by a
 * Zipf law, so each community has recognisable top words), plus a few shared English words that every
 * community uses. Every word is unique across communities, so a word names its topic. Deterministic
 * for a seed. Immutable once built.
 */
final class Vocabulary {
    static final int WORDS_PER_COMMUNITY = 250;
    static final double ZIPF_EXPONENT = 1.07;

    static final List<String> SHARED = List.of(
            "the", "a", "to", "and", "of", "in", "is", "for", "on", "this", "my", "new", "just", "so", "what", "great",
            "today", "now", "love", "time", "people", "more", "about", "really", "good", "best", "first", "day", "see",
            "think", "like", "here", "how", "why", "all", "out", "get", "big", "news", "wow");

    private static final String[] ONSETS = {
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "cr",
        "dr", "fl", "gr", "kr", "pl", "pr", "sh", "st", "th", "tr", "sk", "qu"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "x", "m", "th"};

    private final String[][] words;
    /** Cumulative Zipf weights over ranks 0..WORDS_PER_COMMUNITY-1. */
    private final double[] zipf;

    Vocabulary(int communities, SplittableRandom random) {
        Set<String> used = new HashSet<>(SHARED);
        words = new String[communities][WORDS_PER_COMMUNITY];
        for (int c = 0; c < communities; c++) {
            for (int w = 0; w < WORDS_PER_COMMUNITY; w++) {
                String word;
                do {
                    word = pseudoWord(random, 2 + random.nextInt(2));
                } while (!used.add(word));
                words[c][w] = word;
            }
        }
        zipf = new double[WORDS_PER_COMMUNITY];
        double sum = 0;
        for (int r = 0; r < WORDS_PER_COMMUNITY; r++) {
            sum += 1.0 / StrictMath.pow(r + 1, ZIPF_EXPONENT);
            zipf[r] = sum;
        }
    }

    /** A pronounceable made-up word of {@code syllables} syllables. */
    static String pseudoWord(SplittableRandom random, int syllables) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            b.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        b.append(CODAS[random.nextInt(CODAS.length)]);
        return b.toString();
    }

    /** A word of community {@code c}, drawn by rank with the Zipf law. */
    String word(int c, SplittableRandom random) {
        return words[c][Rng.search(zipf, 0, zipf.length, random.nextDouble() * zipf[zipf.length - 1])];
    }

    /** The word of rank {@code rank} (0 = most frequent) of community {@code c}. */
    String top(int c, int rank) {
        return words[c][rank];
    }

    String shared(SplittableRandom random) {
        return SHARED.get(random.nextInt(SHARED.size()));
    }

    /** The community's name: its most frequent word, capitalised. */
    String name(int c) {
        String w = words[c][0];
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
