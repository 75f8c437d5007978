package io.imageflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ImageFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImageFlowApplication.class, args);
    }
}
