package dev.ctime.profile;

/** A profile that cannot be built as written; the message names the problem and the fix. */
public class ProfileException extends Exception {
    public ProfileException(String message) {
        super(message);
    }
}
