package io.imageflow;

import javax.imageio.ImageIO;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ImageFlowApplication {

    public static void main(String[] args) {
        // in the packaged jar the image readers (TwelveMonkeys) sit in nested jars: register them from this class loader
        ImageIO.scanForPlugins();
        SpringApplication.run(ImageFlowApplication.class, args);
    }
}
