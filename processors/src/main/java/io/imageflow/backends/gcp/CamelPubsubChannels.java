package io.imageflow.backends.gcp;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.google.pubsub.GooglePubsubEndpoint;

/** The Pub/Sub channels of this process's routes: the subscriptions they consume, the topics they publish to. */
final class CamelPubsubChannels implements PubsubHealth.Channels {

    private final CamelContext camel;

    CamelPubsubChannels(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Collection<String> subscriptions() {
        return camel.getRoutes().stream().map(Route::getEndpoint).filter(GooglePubsubEndpoint.class::isInstance)
                .map(endpoint -> ((GooglePubsubEndpoint) endpoint).getDestinationName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public Collection<String> topics() {
        Set<Endpoint> consumed = camel.getRoutes().stream().map(Route::getEndpoint).collect(Collectors.toSet());
        return camel.getEndpoints().stream().filter(GooglePubsubEndpoint.class::isInstance)
                .filter(endpoint -> !consumed.contains(endpoint))
                .map(endpoint -> ((GooglePubsubEndpoint) endpoint).getDestinationName())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
