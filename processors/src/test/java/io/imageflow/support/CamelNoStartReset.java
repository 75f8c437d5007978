package io.imageflow.support;

import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * camel-test-spring-junit5's CamelSpringBootExecutionListener switches Camel's start off (a thread-local
 * "no start" flag and the {@code skipStartingCamelContext} system property) before it loads a test class's
 * context, and on again only once the context has loaded. When the load fails, both stay set for the rest of
 * the JVM: every later test class's Camel then never starts, and one broken context fails the whole fork.
 * Registered for every Spring test class (META-INF/spring.factories), this puts both back after each class.
 */
public class CamelNoStartReset extends AbstractTestExecutionListener {

    static final String SKIP_STARTING = "skipStartingCamelContext";

    @Override
    public void afterTestClass(TestContext testContext) {
        System.clearProperty(SKIP_STARTING);
        DefaultCamelContext.setNoStart(false);
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
