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

    /** The channels of application.yaml (imageflow.channel.*) as queues of the embedded broker; not dead-letter. */
    public static final List<String> CHANNELS = List.of(
            "batch-accepted", "image-processing-queue", "image-results", "email-notification");

    private static final Duration HELD_FOR = Duration.ofMillis(1500);

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
     * Messages on the channels of the embedded broker in another JVM (a packaged jar we started), read over
     * JMX after attaching to it. The attach API needs no port and no option on the other side.
     */
    public static LongSupplier ofProcess(long pid) {
        MBeanServerConnection mbeans = connect(pid);
        return () -> CHANNELS.stream().mapToLong(channel -> messageCount(mbeans, channel)).sum();
    }

    private static MBeanServerConnection connect(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
                return connector.getMBeanServerConnection();
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
