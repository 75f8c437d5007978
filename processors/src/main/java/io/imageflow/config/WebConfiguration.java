package io.imageflow.config;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.api.ErrorBody;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web app's deep links and cross-origin access, and JSON errors for uploads refused before Camel sees them. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** The single-page app owns /batches/{id}: a reload there must get index.html, not a 404. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/batches/{batchId}").setViewName("forward:/index.html");
    }

    /**
     * The web app may be hosted elsewhere (a bucket): those origins may call the API. Uploads that
     * report progress always send a preflight, which this filter answers before any route sees it.
     */
    @Bean
    @ConditionalOnProperty(name = "imageflow.cors.allowed-origins")
    FilterRegistrationBean<CorsFilter> corsFilter(@Value("${imageflow.cors.allowed-origins}") List<String> origins,
            ObjectMapper json) throws IOException {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.addAllowedHeader("*");
        cors.addExposedHeader("Content-Disposition");
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new JsonCorsProcessor(json));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ApiErrorAttributes apiErrorAttributes() {
        return new ApiErrorAttributes();
    }

    /** Named in application.yaml as the header filter of every REST endpoint. */
    @Bean
    ResponseHeaderFilter responseHeaderFilter() {
        return new ResponseHeaderFilter();
    }

    /** The servlet container refuses oversized or broken multipart requests while parsing them. */
    @Bean
    HandlerExceptionResolver multipartErrors(ObjectMapper json) {
        return new MultipartErrorResolver(json);
    }

    static final class MultipartErrorResolver implements HandlerExceptionResolver, Ordered {

        private final ObjectMapper json;

        MultipartErrorResolver(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public ModelAndView resolveException(jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response, Object handler, Exception exception) {
            if (!(exception instanceof MultipartException)) {
                return null;
            }
            boolean tooLarge = exception instanceof MaxUploadSizeExceededException || tooManyParts(exception);
            ErrorBody body = tooLarge
                    ? new ErrorBody("request_too_large", "The upload is larger than the server accepts; "
                            + "send fewer or smaller files (see the limits at GET /api/v1/operations).", List.of())
                    : new ErrorBody("invalid_multipart", "The multipart request could not be read: "
                            + exception.getMessage(), List.of());
            try {
                response.setStatus(tooLarge ? 413 : 400);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), body);
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }

        /** Tomcat's part-count limit surfaces only as the name of its exception class. */
        private static boolean tooManyParts(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
