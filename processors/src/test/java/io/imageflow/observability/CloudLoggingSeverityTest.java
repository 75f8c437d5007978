package io.imageflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

class CloudLoggingSeverityTest {

    private final JsonWriter<ILoggingEvent> writer = JsonWriter.of(new CloudLoggingSeverity()::customize);

    @Test
    void eachLevelIsWrittenInCloudLoggingsWords() {
        assertThat(line(Level.ERROR)).isEqualTo("{\"severity\":\"ERROR\"}");
        assertThat(line(Level.WARN)).isEqualTo("{\"severity\":\"WARNING\"}");
        assertThat(line(Level.INFO)).isEqualTo("{\"severity\":\"INFO\"}");
        assertThat(line(Level.DEBUG)).isEqualTo("{\"severity\":\"DEBUG\"}");
        assertThat(line(Level.TRACE)).isEqualTo("{\"severity\":\"DEBUG\"}");
    }

    private String line(Level level) {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(level);
        return writer.writeToString(event);
    }
}
