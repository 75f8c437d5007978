package io.imageflow.local;

import io.imageflow.config.ImageFlowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started ImageFlow where to point a browser and where their data lives. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final ImageFlowProperties properties;

    StartupReport(ImageFlowProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        LOG.info("ImageFlow is ready: web app at {}/, API at {}/api/v1 (contract: /api/v1/openapi.yaml), data in {}",
                properties.publicUrl(), properties.publicUrl(), properties.dataDir().toAbsolutePath().normalize());
    }
}
