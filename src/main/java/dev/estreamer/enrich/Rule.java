package dev.estreamer.enrich;

/** One computed field (or a few) from at most two input fields of the record. */
interface Rule {
    /** Input field names; a dotted name reads inside a string block, e.g. {@code detectionName.data}. */
    String[] inputs();

    /** Adds what the inputs resolve to; inputs are null when the record lacks them. */
    void apply(Object a, Object b, Computed out);
}
