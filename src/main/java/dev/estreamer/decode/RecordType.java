package dev.estreamer.decode;

import dev.estreamer.record.Family;

import java.util.List;

/**
 * Catalogue identity of a record type.
 *
 * @param blockTypes the block types the record can carry (its single block, chosen on the wire); empty
 *                   for records without one
 */
public record RecordType(int type, String name, String category, Family family, List<Integer> blockTypes) {
}
