package roost.model;

/** Base of Roost's own errors: each carries a message meant for the person who caused it. */
public class RoostException extends RuntimeException {
    public RoostException(String message) {
        super(message);
    }

    public RoostException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A user, tweet or other entity that does not exist. */
    public static final class NotFound extends RoostException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** An argument outside what is allowed; the message names the argument, its value and the allowed range. */
    public static final class InvalidArgument extends RoostException {
        public InvalidArgument(String message) {
            super(message);
        }
    }
}
