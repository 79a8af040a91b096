package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A registry mode as {@code GET/PUT/DELETE /mode[/{subject}]} read and write it: {@code {"mode": "READONLY"}}.
 *
 * @param mode {@code READWRITE}, {@code READONLY}, {@code READONLY_OVERRIDE} or {@code IMPORT}; null when the
 *     registry sent none
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModeConfig(String mode) {}
