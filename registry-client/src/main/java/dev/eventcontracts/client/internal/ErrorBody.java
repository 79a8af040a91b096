package dev.eventcontracts.client.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Confluent's error body: {@code {"error_code": 40401, "message": "Subject 'x' not found."}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ErrorBody(
        @JsonProperty("error_code") Integer errorCode,
        @JsonProperty("message") String message) {}
