package dev.estreamer.decode;

/** Internal signal that the bytes do not fit the layout; stackless because bad input is not a bug. */
final class Malformed extends Exception {
    Malformed(String message) {
        super(message, null, false, false);
    }
}
