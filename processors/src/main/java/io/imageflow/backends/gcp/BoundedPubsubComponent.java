package io.imageflow.backends.gcp;

import java.util.Map;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.component.google.pubsub.GooglePubsubComponent;
import org.apache.camel.component.google.pubsub.GooglePubsubEndpoint;

/**
 * Camel's google-pubsub component whose consumers pull synchronously with the delivery attempt passed on
 * (see {@link PullingPubsubConsumer}); publishing is Camel's own. Endpoints and every option are as in Camel.
 */
public class BoundedPubsubComponent extends GooglePubsubComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] parts = remaining.split(":");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Google PubSub Endpoint format \"projectId:destinationName\"");
        }
        GooglePubsubEndpoint endpoint = new PullingEndpoint(uri, this);
        endpoint.setProjectId(parts[0]);
        endpoint.setDestinationName(parts[1]);
        endpoint.setServiceAccountKey(getServiceAccountKey());
        endpoint.setAuthenticate(isAuthenticate());
        if (getHeaderFilterStrategy() != null) {
            endpoint.setHeaderFilterStrategy(getHeaderFilterStrategy());
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    static final class PullingEndpoint extends GooglePubsubEndpoint {

        PullingEndpoint(String uri, GooglePubsubComponent component) {
            super(uri, component);
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            afterPropertiesSet();
            setExchangePattern(ExchangePattern.InOnly);
            PullingPubsubConsumer consumer = new PullingPubsubConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
    }
}
