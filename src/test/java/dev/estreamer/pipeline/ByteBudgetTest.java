package dev.estreamer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ByteBudgetTest {
    @Test
    void aProducerWaitsWhileTheBudgetIsSpentAndGoesOnWhenBytesComeBack() throws Exception {
        ByteBudget budget = new ByteBudget(1000);
        budget.acquire(600);
        budget.acquire(400);
        AtomicBoolean passed = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                started.countDown();
                budget.acquire(100);
                passed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        started.await();
        producer.join(300);
        assertThat(producer.isAlive()).as("blocked while 1000 of 1000 bytes are outstanding").isTrue();
        assertThat(passed).isFalse();
        budget.release(600);
        producer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(passed).isTrue();
        assertThat(budget.outstanding()).isEqualTo(500);
    }

    @Test
    void aRecordLargerThanTheWholeBudgetPassesWhenNothingElseIsOutstanding() throws Exception {
        ByteBudget budget = new ByteBudget(100);
        budget.acquire(5000);
        assertThat(budget.outstanding()).isEqualTo(5000);
        budget.release(5000);
        assertThat(budget.outstanding()).isZero();
    }

    @Test
    void aWaitingProducerCanBeInterrupted() throws Exception {
        ByteBudget budget = new ByteBudget(10);
        budget.acquire(10);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            try {
                budget.acquire(1);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        producer.start();
        producer.interrupt();
        producer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(interrupted).isTrue();
        assertThatThrownBy(() -> new ByteBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
