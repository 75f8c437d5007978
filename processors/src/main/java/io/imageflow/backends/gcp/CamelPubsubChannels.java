package io.imageflow.backends.gcp;

import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.google.pubsub.GooglePubsubEndpoint;

/**
 * The subscriptions this process's routes consume, and the channels' topics (imageflow.channels): every
 * group publishes to some of them and a missing one is a deployment error. The topics are configured, not
 * read from Camel's endpoints, where a consumer made outside the routes would pass for a producer.
 */
final class CamelPubsubChannels implements PubsubHealth.Channels {

    private final CamelContext camel;
    private final Collection<String> topics;

    CamelPubsubChannels(CamelContext camel, Collection<String> topics) {
        this.camel = camel;
        this.topics = new TreeSet<>(topics);
    }

    @Override
    public Collection<String> subscriptions() {
        return camel.getRoutes().stream().map(Route::getEndpoint).filter(GooglePubsubEndpoint.class::isInstance)
                .map(endpoint -> ((GooglePubsubEndpoint) endpoint).getDestinationName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public Collection<String> topics() {
        return topics;
    }
}
