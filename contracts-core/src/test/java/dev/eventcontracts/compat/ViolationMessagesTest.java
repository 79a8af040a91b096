package dev.eventcontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.schema.AvroSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the exact texts developers read: field path, pointer, message and fix of several rules. */
class ViolationMessagesTest {

    private static final String MONEY = "{\"type\":\"record\",\"name\":\"Money\",\"fields\":["
            + "{\"name\":\"amount\",\"type\":AMOUNT},{\"name\":\"currency\",\"type\":\"string\"}]}";
    private static final String DECIMAL_12_2 =
            "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}";

    private static String orderCreated(String amountType, String extraFields) {
        return "{\"type\":\"record\",\"name\":\"OrderCreated\",\"namespace\":\"shop\",\"fields\":["
                + "{\"name\":\"orderId\",\"type\":\"string\"},"
                + "{\"name\":\"items\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"LineItem\","
                + "\"fields\":[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"unitPrice\",\"type\":"
                + MONEY.replace("AMOUNT", amountType) + "}]}}}" + extraFields + "]}";
    }

    private static Violation only(CompatibilityLevel level, String candidate, String previous) {
        CompatibilityResult result = CompatibilityChecker.standard()
                .check(level, AvroSchema.parse(candidate), List.of(new VersionedSchema(2, AvroSchema.parse(previous))));
        assertThat(result.violations()).hasSize(1);
        return result.violations().get(0);
    }

    @Test
    void fieldAddedWithoutDefault_namesFieldAndSuggestsDefault() {
        Violation v = only(
                CompatibilityLevel.BACKWARD,
                orderCreated(DECIMAL_12_2, ",{\"name\":\"channel\",\"type\":\"string\"}"),
                orderCreated(DECIMAL_12_2, ""));

        assertThat(v)
                .isEqualTo(new Violation(
                        Rule.FIELD_ADDED_WITHOUT_DEFAULT,
                        Direction.BACKWARD,
                        2,
                        "OrderCreated.channel",
                        "/fields/2",
                        "Field 'OrderCreated.channel' was added without a default, so the new schema cannot read data written "
                                + "with version 2, which lacks it.",
                        "give `channel` a default"));
    }

    @Test
    void nestedTypeChange_namesPathThroughArrayAndRecords() {
        Violation v = only(CompatibilityLevel.BACKWARD, orderCreated("\"double\"", ""), orderCreated("\"string\"", ""));

        assertThat(v.rule()).isEqualTo(Rule.FIELD_TYPE_CHANGED);
        assertThat(v.fieldPath()).isEqualTo("OrderCreated.items[].unitPrice.amount");
        assertThat(v.jsonPointer()).isEqualTo("/fields/1/type/items/fields/1/type/fields/0/type");
        assertThat(v.message())
                .isEqualTo("Field 'OrderCreated.items[].unitPrice.amount' is double in the new schema "
                        + "but string in version 2; the new schema cannot read string values as double.");
        assertThat(v.fixHint())
                .isEqualTo("keep `amount` as string, or add a new field of type double with a default " + "instead");
    }

    @Test
    void decimalScaleChanged_saysWhatBreaksAndThatConfluentAcceptsIt() {
        Violation v = only(
                CompatibilityLevel.BACKWARD,
                orderCreated(DECIMAL_12_2.replace("2}", "3}"), ""),
                orderCreated(DECIMAL_12_2, ""));

        assertThat(v.rule()).isEqualTo(Rule.DECIMAL_SCALE_CHANGED);
        assertThat(v.message())
                .isEqualTo("Field 'OrderCreated.items[].unitPrice.amount': decimal scale 2 -> 3 breaks "
                        + "BACKWARD against version 2: the new schema would read the stored unscaled values with scale 3, so a "
                        + "written 123.45 would be read as 12.345. Confluent Schema Registry accepts this change because Avro's "
                        + "checker ignores decimal scale and precision (AVRO-2078); eventcontracts refuses it (rule "
                        + "DECIMAL_SCALE_CHANGED, which can be relaxed).");
        assertThat(v.fixHint()).isEqualTo("keep scale 2 on `amount`; for another scale add a new field");
    }

    @Test
    void fieldRenamedWithoutAlias_suggestsTheAlias() {
        Violation v = only(
                CompatibilityLevel.BACKWARD,
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"customerRef\",\"type\":\"string\"}]}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"customerId\",\"type\":\"string\"}]}");

        assertThat(v.rule()).isEqualTo(Rule.FIELD_RENAMED_WITHOUT_ALIAS);
        assertThat(v.message())
                .isEqualTo(
                        "Field 'R.customerRef' has neither a default nor an alias, and version 2 has "
                                + "no field of that name: it looks renamed from 'customerId', whose values the new schema cannot read.");
        assertThat(v.fixHint())
                .isEqualTo("add an alias `customerId` to field `customerRef` (\"aliases\": "
                        + "[\"customerId\"]), or give `customerRef` a default");
    }

    @Test
    void fieldRemovedWithoutDefault_forward_namesTheOldVersionsField() {
        Violation v = only(
                CompatibilityLevel.FORWARD,
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                        + "{\"name\":\"total\",\"type\":\"long\"}]}");

        assertThat(v)
                .isEqualTo(new Violation(
                        Rule.FIELD_REMOVED_WITHOUT_DEFAULT,
                        Direction.FORWARD,
                        2,
                        "R.total",
                        "/fields/1",
                        "Field 'R.total' was removed, but version 2 declares it without a default, so readers using version 2 "
                                + "cannot read data written with the new schema.",
                        "keep `total`, or first release a version where `total` has a default"));
    }

    @Test
    void enumSymbolRemoved_namesSymbolsAndEnum() {
        String fields =
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"status\",\"type\":{\"type\":\"enum\","
                        + "\"name\":\"Status\",\"symbols\":SYMBOLS}}]}";

        Violation v = only(
                CompatibilityLevel.BACKWARD,
                fields.replace("SYMBOLS", "[\"NEW\"]"),
                fields.replace("SYMBOLS", "[\"NEW\",\"PAID\",\"SHIPPED\"]"));

        assertThat(v.rule()).isEqualTo(Rule.ENUM_SYMBOL_REMOVED);
        assertThat(v.jsonPointer()).isEqualTo("/fields/0/type/symbols");
        assertThat(v.message())
                .isEqualTo("Enum 'Status' at 'R.status' no longer has symbols [PAID, SHIPPED], which "
                        + "version 2 can write, and the enum has no default.");
        assertThat(v.fixHint()).isEqualTo("keep symbols [PAID, SHIPPED] in enum `Status`");
    }

    @Test
    void unionBranchRemoved_namesFieldAndBranch() {
        Violation v = only(
                CompatibilityLevel.BACKWARD,
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"note\",\"type\":[\"null\",\"string\"]}]}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"note\",\"type\":[\"null\",\"string\",\"int\"]}]}");

        assertThat(v.rule()).isEqualTo(Rule.UNION_BRANCH_REMOVED);
        assertThat(v.fieldPath()).isEqualTo("R.note");
        assertThat(v.message())
                .isEqualTo("'R.note' no longer accepts int, which version 2 can write: the new union has "
                        + "no branch for it.");
        assertThat(v.fixHint()).isEqualTo("keep int in the union of `note`");
    }

    @Test
    void recordRenamed_suggestsAliasWithOldFullName() {
        Violation v = only(
                CompatibilityLevel.BACKWARD,
                "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"shop\",\"fields\":[]}",
                "{\"type\":\"record\",\"name\":\"Charge\",\"namespace\":\"shop\",\"fields\":[]}");

        assertThat(v.rule()).isEqualTo(Rule.NAME_MISMATCH);
        assertThat(v.message())
                .isEqualTo("Type 'shop.Payment' at 'Payment' was named 'shop.Charge' in version 2, and the "
                        + "new schema has no alias for the old name.");
        assertThat(v.fixHint())
                .isEqualTo("add an alias `shop.Charge` to type `Payment` (\"aliases\": [\"shop.Charge\"]), "
                        + "or keep the name");
    }
}
