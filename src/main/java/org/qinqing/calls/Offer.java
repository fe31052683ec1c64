package org.qinqing.calls;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A freed seat held for a waiting family until {@code expiresAt}: the family confirms it with
 * {@link CallWaitlist#accept} or lets it go with {@link CallWaitlist#decline}.
 */
public record Offer(LocalDateTime slotStart, String childId, Instant expiresAt) {
}
