package io.imageflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestContextManager;

/** A test class whose context fails to load leaves Camel's start switched on for the classes after it. */
class CamelNoStartResetTest {

    @Test
    void aContextThatFailsToLoadDoesNotKeepCamelFromStartingLater() throws Exception {
        TestContextManager manager = new TestContextManager(BrokenContextTest.class);
        manager.beforeTestClass();
        Throwable failed = catchThrowable(() -> manager.prepareTestInstance(new BrokenContextTest()));
        assertThat(failed).as("the context fails to load").isNotNull();
        assertThat(DefaultCamelContext.isNoStart()).as("Camel's listener left its start switched off").isTrue();
        manager.afterTestClass();

        assertThat(System.getProperty(CamelNoStartReset.SKIP_STARTING)).isNull();
        assertThat(DefaultCamelContext.isNoStart()).isFalse();
    }

    @CamelSpringBootTest
    @SpringBootTest(classes = BrokenContextTest.Broken.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
    static class BrokenContextTest {

        @Configuration(proxyBeanMethods = false)
        static class Broken {

            @Bean
            String cannotBeMade() {
                throw new IllegalStateException("a context that cannot load, on purpose");
            }
        }
    }
}
