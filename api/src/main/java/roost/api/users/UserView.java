package roost.api.users;

/** A user as the API shows it. Ids are strings: 64-bit ids do not fit a JavaScript number. */
public record UserView(String id, String handle, String createdAt, boolean verified, long followers, long following) {}
