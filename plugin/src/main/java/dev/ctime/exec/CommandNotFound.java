package dev.ctime.exec;

/**
 * A command that could not be started at all (not installed, not on the PATH, not executable), as
 * opposed to one that ran and failed.
 */
public class CommandNotFound extends EnvironmentException {
    private final String command;

    public CommandNotFound(String command, String why) {
        super("cannot run '" + command + "': " + why);
        this.command = command;
    }

    /** The command as it was asked for. */
    public String command() {
        return command;
    }
}
