package dev.ctime.harness;

/** A kernel library or symbol the harness cannot use; the message names the fix. */
public class HarnessException extends Exception {
    public HarnessException(String message) {
        super(message);
    }
}
