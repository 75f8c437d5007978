package io.imageflow.config;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up when the JVM runs without {@code -XX:+ExitOnOutOfMemoryError}. Without it an
 * OutOfMemoryError kills whichever threads it hits (the queue's, the listeners') and leaves the process
 * half alive, answering nothing; with it the process ends, the queue redelivers and a restart finishes the
 * batch. The flag must be on the java command line (a jar cannot carry JVM options): the README's command,
 * {@code mvn spring-boot:run} and the container's entry point all give it.
 */
@Component
class OutOfMemoryPolicy implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryPolicy.class);
    static final String FLAG = "ExitOnOutOfMemoryError";

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!exitsOnOutOfMemory()) {
            LOG.warn("The JVM was started without -XX:+{}: an OutOfMemoryError would leave this process half alive. "
                    + "Start it as: java -XX:+{} -jar imageflow.jar", FLAG, FLAG);
        }
    }

    static boolean exitsOnOutOfMemory() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(FLAG).getValue());
        } catch (RuntimeException e) {
            return false; // not a HotSpot JVM: it has no such option to read
        }
    }
}
