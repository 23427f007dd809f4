package dev.ctime.exec;

import java.io.IOException;

/**
 * The machine or the project cannot be measured as they are (no cargo, no Cargo.toml, no cdylib,
 * a toolchain not installed, an output folder in use): the message names the fix. An I/O failure
 * while measuring is a plain {@link IOException}, so the two are told apart where they are caught.
 */
public class EnvironmentException extends IOException {
    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
