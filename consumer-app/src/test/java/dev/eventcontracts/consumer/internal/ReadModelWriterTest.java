package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.consumer.DeadLetterReason;
import dev.eventcontracts.consumer.OrderReadModel;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadModelWriterTest {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final ReadModelDatabase database = migrated(ReadModelDatabase.of(url, null, null));
    private final ReadModelWriter writer = new ReadModelWriter(database::open, Dialect.H2, Clock.systemUTC());
    private final OrderReadModel readModel = new OrderReadModel(url, null, null);
    private final TestEvents events = new TestEvents();
    private final List<DeadLetter> published = new ArrayList<>();

    private static ReadModelDatabase migrated(ReadModelDatabase database) {
        Migrations.migrate(database);
        return database;
    }

    @AfterEach
    void close() {
        writer.close();
    }

    private ReadModelWriter.BatchResult apply(OrderEvent... batch) {
        return writer.apply(List.of(batch).stream().map(events::decoded).toList(), published::addAll);
    }

    @Test
    void apply_lifecycle_keepsTheOrderRowAndRecordsEveryEventId() throws SQLException {
        ReadModelWriter.BatchResult result = apply(
                events.created("o1"), events.changed("o1", "CREATED", "PAID"), events.changed("o1", "PAID", "SHIPPED"));

        assertThat(result.applied()).isEqualTo(3);
        OrderReadModel.OrderView order = readModel.order("o1").orElseThrow();
        assertThat(order.status()).isEqualTo("SHIPPED");
        assertThat(order.total()).isEqualByComparingTo("25.50");
        assertThat(order.itemCount()).isEqualTo(3);
        assertThat(order.shipToCountry()).isEqualTo("DE");
        assertThat(order.eventCount()).isEqualTo(3);
        assertThat(readModel.totals()).isEqualTo(new OrderReadModel.Totals(1, 3, 0, 3));
    }

    @Test
    void apply_sameEventsRedelivered_changeNothing() throws SQLException {
        apply(events.created("o1"), events.changed("o1", "CREATED", "PAID"));

        ReadModelWriter.BatchResult again = apply(events.created("o1"), events.changed("o1", "CREATED", "PAID"));

        assertThat(again.applied()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(readModel.order("o1").orElseThrow().eventCount()).isEqualTo(2);
        assertThat(readModel.totals().appliedEvents()).isEqualTo(2);
    }

    @Test
    void apply_eventForUnknownOrder_isRejectedWhileTheRestOfTheBatchIsApplied() throws SQLException {
        ReadModelWriter.BatchResult result = apply(
                events.created("o1"), events.changed("o2", "CREATED", "PAID"), events.changed("o1", "CREATED", "PAID"));

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.rejected()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
            assertThat(letter.error()).hasMessageContaining("unknown order 'o2'");
        });
        assertThat(published).isEqualTo(result.rejected());
        assertThat(readModel.order("o1").orElseThrow().status()).isEqualTo("PAID");
    }

    @Test
    void apply_impossibleTransition_isRejectedNamingBothStatuses() {
        apply(events.created("o1"));

        ReadModelWriter.BatchResult result = apply(events.changed("o1", "CREATED", "DELIVERED"));

        assertThat(result.rejected())
                .singleElement()
                .extracting(DeadLetter::error)
                .asString()
                .contains("CREATED -> DELIVERED");
    }

    @Test
    void apply_cancelAfterShipping_isRejected() throws SQLException {
        apply(events.created("o1"), events.changed("o1", "CREATED", "PAID"), events.changed("o1", "PAID", "SHIPPED"));

        ReadModelWriter.BatchResult result = apply(events.cancelled("o1"));

        assertThat(result.rejected())
                .singleElement()
                .extracting(DeadLetter::error)
                .asString()
                .contains("SHIPPED cannot be cancelled");
        assertThat(readModel.order("o1").orElseThrow().status()).isEqualTo("SHIPPED");
    }

    @Test
    void apply_totalNotTheSumOfItems_isRejected() throws SQLException {
        OrderEvent.Created good = events.created("o1");
        OrderEvent.Created bad = new OrderEvent.Created(
                good.eventId(),
                good.orderId(),
                good.customerId(),
                good.items(),
                new java.math.BigDecimal("99.99"),
                "EUR",
                good.createdAt(),
                null,
                null);

        ReadModelWriter.BatchResult result = apply(bad);

        assertThat(result.rejected())
                .singleElement()
                .extracting(DeadLetter::error)
                .asString()
                .contains("not the sum of its items, 25.50");
        assertThat(readModel.order("o1")).isEmpty();
    }

    @Test
    void apply_rejectedEventRedelivered_isADuplicateAndNotRejectedAgain() throws SQLException {
        apply(events.created("o1"));
        OrderEvent early = events.changed("o1", "PAID", "SHIPPED");
        assertThat(apply(early).rejected()).hasSize(1);
        apply(events.changed("o1", "CREATED", "PAID"));

        ReadModelWriter.BatchResult redelivered = apply(early);

        assertThat(redelivered.rejected()).isEmpty();
        assertThat(redelivered.duplicates()).isEqualTo(1);
        assertThat(readModel.order("o1").orElseThrow().status()).isEqualTo("PAID");
        assertThat(readModel.totals().deadLetteredEvents()).isEqualTo(1);
    }

    @Test
    void apply_valueTooLongForItsColumn_isAProcessingFailure() throws SQLException {
        OrderEvent.Created tooLong = events.created("o1", "x".repeat(500));

        ReadModelWriter.BatchResult result = apply(tooLong, events.created("o2"));

        assertThat(result.rejected())
                .singleElement()
                .extracting(DeadLetter::reason)
                .isEqualTo(DeadLetterReason.PROCESSING_FAILED);
        assertThat(result.applied()).isEqualTo(1);
        assertThat(readModel.order("o2")).isPresent();
    }

    @Test
    void apply_unknownStatusFromANewerContract_isAccepted() throws SQLException {
        apply(
                events.created("o1"),
                events.changed("o1", "CREATED", "PAID"),
                events.changed("o1", "PAID", "SHIPPED"),
                events.changed("o1", "SHIPPED", "DELIVERED"));

        ReadModelWriter.BatchResult result = apply(events.changed("o1", "DELIVERED", "UNKNOWN"));

        assertThat(result.applied()).isEqualTo(1);
        assertThat(readModel.order("o1").orElseThrow().status()).isEqualTo("UNKNOWN");
    }

    @Test
    void apply_deadLettersNotAcknowledged_commitsNothing() throws SQLException {
        assertThatThrownBy(() -> writer.apply(
                        List.of(
                                events.decoded(events.created("o1")),
                                events.decoded(events.changed("o9", "CREATED", "PAID"))),
                        letters -> {
                            throw new TransientFailureException("dead-letter topic down", null);
                        }))
                .isInstanceOf(TransientFailureException.class);

        assertThat(readModel.totals()).isEqualTo(new OrderReadModel.Totals(0, 0, 0, 0));
        assertThat(apply(events.created("o1")).applied()).isEqualTo(1);
    }

    @Test
    void apply_deadLetteredEventRedrivenAfterItsCauseIsFixed_isAppliedOnce() throws SQLException {
        OrderEvent early = events.changed("o1", "CREATED", "PAID");
        assertThat(apply(early).rejected()).hasSize(1);
        apply(events.created("o1"));

        ReadModelWriter.BatchResult redriven = writer.apply(List.of(events.redriven(early, "dlq-0@7")), letters -> {});
        ReadModelWriter.BatchResult redeliveredRedrive =
                writer.apply(List.of(events.redriven(early, "dlq-0@7")), letters -> {});
        ReadModelWriter.BatchResult redrivenAgain =
                writer.apply(List.of(events.redriven(early, "dlq-0@9")), letters -> {});

        assertThat(redriven.applied()).isEqualTo(1);
        assertThat(redeliveredRedrive.duplicates()).isEqualTo(1);
        assertThat(redrivenAgain.duplicates()).as("applied stays applied").isEqualTo(1);
        OrderReadModel.OrderView order = readModel.order("o1").orElseThrow();
        assertThat(order.status()).isEqualTo("PAID");
        assertThat(order.eventCount()).isEqualTo(2);
        assertThat(readModel.totals()).isEqualTo(new OrderReadModel.Totals(1, 2, 0, 2));
    }

    @Test
    void apply_redrivenEventStillInvalid_isDeadLetteredAgainOncePerRedrive() {
        OrderEvent orphan = events.changed("o9", "CREATED", "PAID");
        apply(orphan);

        ReadModelWriter.BatchResult redriven =
                writer.apply(List.of(events.redriven(orphan, "dlq-0@1")), published::addAll);
        ReadModelWriter.BatchResult redelivered =
                writer.apply(List.of(events.redriven(orphan, "dlq-0@1")), published::addAll);

        assertThat(redriven.rejected()).hasSize(1);
        assertThat(redelivered.duplicates()).isEqualTo(1);
        assertThat(published).hasSize(2);
    }

    @Test
    void apply_storesTheNextOffsetOfEachPartition_neverLoweringIt() throws SQLException {
        TopicPartition p0 = new TopicPartition(TestEvents.TOPIC, 0);
        writer.apply(List.of(events.decoded(events.created("o1"))), Map.of(p0, 42L), letters -> {});
        writer.apply(List.of(), Map.of(p0, 40L), letters -> {});

        assertThat(readModel.positions()).containsExactly(Map.entry(p0, 42L));
    }

    @Test
    void apply_deadLetterAndItsRedrivenCopyInOneBatch_asANewGroupReadsThem_appliesItOnce() throws SQLException {
        OrderEvent early = events.changed("o1", "CREATED", "PAID");

        ReadModelWriter.BatchResult result = writer.apply(
                List.of(
                        events.decoded(early),
                        events.decoded(events.created("o1")),
                        events.redriven(early, "dlq-0@3"),
                        events.redriven(early, "dlq-0@4")),
                published::addAll);

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.rejected()).hasSize(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(readModel.order("o1").orElseThrow().eventCount()).isEqualTo(2);
        assertThat(readModel.eventOutcome(early.eventId())).hasValue("APPLIED");
    }
}
