package dev.eventcontracts.serde.internal;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/** Builds the {@link GenericData} models the serde reads and writes generic data with. */
final class Models {

    private Models() {}

    /**
     * Returns a new generic model, with the standard logical-type conversions when asked: decimal, uuid, date,
     * time and timestamp (millis, micros, local), as Confluent's {@code avro.use.logical.type.converters}.
     */
    static GenericData generic(boolean logicalTypeConversions) {
        GenericData data = new GenericData();
        if (logicalTypeConversions) {
            data.addLogicalTypeConversion(new Conversions.DecimalConversion());
            data.addLogicalTypeConversion(new Conversions.UUIDConversion());
            data.addLogicalTypeConversion(new TimeConversions.DateConversion());
            data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
            data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
            data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
            data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
            data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
            data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        }
        return data;
    }
}
