package io.imageflow.support;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.camel.CamelContext;
import org.awaitility.Awaitility;

/**
 * Waits until the pipeline has nothing left to do: no message waiting, scheduled for redelivery or being
 * handled on any channel of the local mode's queue, and no exchange in flight. "Only once" can be asserted
 * after that, not at the first sign of success: a late duplicate would come from a message still queued.
 */
public final class PipelineQuiet {

    /** The channels of application.yaml as queues of the embedded broker (imageflow.channels.*.topic); not dead-letter. */
    public static final List<String> CHANNELS = List.of(
            "batch-accepted", "image-processing-queue", "image-results", "email-notification-pub-sub");

    /**
     * A route sends its next message before it acknowledges the one it handles, so pending work always
     * shows on some queue; the hold only covers a poll landing between two steps (a wire tap, a timer).
     */
    private static final Duration HELD_FOR = Duration.ofMillis(500);

    private PipelineQuiet() {
    }

    /** Until nothing is pending, and stays so for a moment (a consumer may be between two messages). */
    public static void await(LongSupplier pending, Duration atMost) {
        Awaitility.await("the pipeline to have nothing left to do").atMost(atMost.plus(HELD_FOR))
                .pollInterval(Duration.ofMillis(100)).during(HELD_FOR)
                .until(() -> pending.getAsLong() == 0);
    }

    /** Messages on the channels of an embedded broker in this JVM, plus Camel's exchanges in flight. */
    public static LongSupplier inThisJvm(ActiveMQServer broker, CamelContext camel) {
        return () -> camel.getInflightRepository().size() + CHANNELS.stream().mapToLong(channel -> {
            Queue queue = broker.locateQueue(channel);
            if (queue == null) {
                throw new IllegalStateException("the embedded broker has no queue " + channel);
            }
            return queue.getMessageCount();
        }).sum();
    }

    /**
     * Waits until the embedded broker of another JVM (a packaged jar we started) has no message on its
     * channels, read over JMX after attaching to the process: no port and no option needed on its side.
     */
    public static void awaitProcess(long pid, Duration atMost) {
        try (JMXConnector connector = connect(pid)) {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            await(() -> CHANNELS.stream().mapToLong(channel -> messageCount(mbeans, channel)).sum(), atMost);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JMXConnector connect(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AttachNotSupportedException e) {
            throw new IllegalStateException("cannot attach to process " + pid + " to read its queues", e);
        }
    }

    private static long messageCount(MBeanServerConnection mbeans, String queue) {
        try {
            ObjectName pattern = new ObjectName("org.apache.activemq.artemis:component=addresses,subcomponent=queues,queue=\""
                    + queue + "\",*");
            var names = mbeans.queryNames(pattern, null);
            if (names.isEmpty()) {
                throw new IllegalStateException("the broker shows no queue " + queue + " over JMX");
            }
            long count = 0;
            for (ObjectName name : names) {
                count += ((Number) mbeans.getAttribute(name, "MessageCount")).longValue();
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the message count of queue " + queue, e);
        }
    }
}
