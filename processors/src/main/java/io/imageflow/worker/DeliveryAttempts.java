package io.imageflow.worker;

/**
 * Which delivery of a message this is, as its channel counts them: Artemis's JMSXDeliveryCount, Pub/Sub's
 * delivery attempt (counted only on a subscription with a dead-letter policy). 1 when the channel does not say.
 */
public class DeliveryAttempts {

    public int of(Object header) {
        if (header instanceof Number number) {
            return Math.max(1, number.intValue());
        }
        if (header != null) {
            try {
                return Math.max(1, Integer.parseInt(header.toString().trim()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }
}
