package dev.estreamer;

/** Root of the project's unchecked exceptions; each carries the stage it came from. */
public class EstreamerException extends RuntimeException {
    private final Stage stage;

    public EstreamerException(Stage stage, String message) {
        super(message);
        this.stage = stage;
    }

    public EstreamerException(Stage stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
