package io.imageflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one client may ask of the API, and what the machine must keep free. Bound from
 * {@code imageflow.limits.*} beside the per-batch limits (see application.yaml and README).
 *
 * @param batchesPerMinute uploads one client address may start per minute (a burst of as many, refilled evenly)
 * @param bytesInFlight    bytes one client address may be uploading at once
 * @param minFreeSpace     free space an upload must leave where uploads and blobs are written
 */
@ConfigurationProperties(prefix = "imageflow.limits")
public record GuardProperties(
        @DefaultValue("30") int batchesPerMinute,
        @DefaultValue("2GB") DataSize bytesInFlight,
        @DefaultValue("1GB") DataSize minFreeSpace) {
}
