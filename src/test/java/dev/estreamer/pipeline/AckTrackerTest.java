package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AckTrackerTest {

    @Test
    void advancesOnlyOverTheContiguousPrefix() {
        AckTracker t = new AckTracker(0);
        long a = t.register(100);
        long b = t.register(101);
        long c = t.register(102);
        t.acknowledge(c);
        assertThat(t.committable()).isZero();
        t.acknowledge(a);
        assertThat(t.committable()).isEqualTo(100);
        t.acknowledge(b);
        assertThat(t.committable()).isEqualTo(102);
        assertThat(t.pending()).isZero();
    }

    @Test
    void metadataWithoutTimestampDoesNotMoveTheBookmarkButDoesNotBlockIt() {
        AckTracker t = new AckTracker(50);
        long m = t.register(0);
        long e = t.register(60);
        t.acknowledge(e);
        assertThat(t.committable()).isEqualTo(50);
        t.acknowledge(m);
        assertThat(t.committable()).isEqualTo(60);
    }

    @Test
    void anOutOfOrderOlderPendingRecordHoldsTheBookmarkBack() {
        AckTracker t = new AckTracker(0);
        long a = t.register(200);
        t.register(150);
        t.acknowledge(a);
        assertThat(t.committable()).isEqualTo(150);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        AckTracker t = new AckTracker(0);
        List<Long> seqs = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            seqs.add(t.register(i));
        }
        Collections.reverse(seqs);
        for (long s : seqs) {
            t.acknowledge(s);
        }
        assertThat(t.committable()).isEqualTo(5000);
        assertThat(t.acknowledged()).isEqualTo(5000);
    }

    /** The model: bookmark = min over unacked timestamps, capped by max acked-prefix timestamp. */
    @Property(tries = 300)
    void matchesATrivialModel(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 50) Integer> stamps,
            @ForAll long seed) {
        AckTracker t = new AckTracker(0);
        List<Long> seqs = new ArrayList<>();
        for (int s : stamps) {
            seqs.add(t.register(s));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < stamps.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        boolean[] acked = new boolean[stamps.size()];
        for (int i : order) {
            t.acknowledge(seqs.get(i));
            acked[i] = true;
            assertThat(t.committable()).isEqualTo(model(stamps, acked));
        }
    }

    private static long model(List<Integer> stamps, boolean[] acked) {
        long prefix = 0;
        int i = 0;
        while (i < stamps.size() && acked[i]) {
            prefix = Math.max(prefix, stamps.get(i));
            i++;
        }
        long result = prefix;
        for (int j = i; j < stamps.size(); j++) {
            if (!acked[j] && stamps.get(j) > 0) {
                result = Math.min(result, stamps.get(j));
            }
        }
        return result;
    }
}
