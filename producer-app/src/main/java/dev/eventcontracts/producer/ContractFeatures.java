package dev.eventcontracts.producer;

import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * What one contract version can carry, so that generated events stay within it.
 *
 * <p>Read from the schemas themselves, never from a version number: a field or enum symbol the version's schema
 * does not declare is not generated.
 *
 * @param shippingAddress whether {@code OrderCreated} has the optional {@code shippingAddress}
 * @param returned whether {@code OrderStatus} has the symbol {@code RETURNED}
 * @since 0.1.0
 */
public record ContractFeatures(boolean shippingAddress, boolean returned) {

    /**
     * Returns what the current generated classes can carry.
     *
     * @return the features of the current contracts; never null
     */
    public static ContractFeatures current() {
        return of(OrderCreated.getClassSchema(), OrderStatus.getClassSchema());
    }

    /**
     * Returns what a released contract version can carry.
     *
     * @param release the released contracts; never null
     * @return the features of that release; never null
     */
    public static ContractFeatures of(ReleasedContracts release) {
        Objects.requireNonNull(release, "release");
        return of(
                release.type(OrderCreated.getClassSchema().getFullName()),
                release.type(OrderStatus.getClassSchema().getFullName()));
    }

    private static ContractFeatures of(Schema orderCreated, Schema orderStatus) {
        return new ContractFeatures(
                orderCreated.getField("shippingAddress") != null,
                orderStatus.hasEnumSymbol(OrderStatus.RETURNED.name()));
    }
}
