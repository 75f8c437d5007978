package io.imageflow.web;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** What guards the HTTP edge: security headers on every answer, and the gate every upload passes first. */
@Configuration(proxyBeanMethods = false)
public class WebGuardsConfiguration {

    /** First of all filters, so that even a refusal carries the headers. */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(@Value("${imageflow.api-base-path}") String apiBasePath) {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(apiBasePath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * After the CORS filter and the security headers (its refusals carry both), before the upload gate: a
     * request for nothing the contract serves is not counted as an upload.
     */
    @Bean
    FilterRegistrationBean<ContractGuard> contractGuard(CamelContext camel, ObjectMapper json) {
        FilterRegistrationBean<ContractGuard> registration = new FilterRegistrationBean<>(new ContractGuard(camel, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    IncompleteAnswers incompleteAnswers() {
        return new IncompleteAnswers();
    }

    @Bean
    FilterRegistrationBean<IncompleteAnswers> incompleteAnswersFilter(IncompleteAnswers filter) {
        FilterRegistrationBean<IncompleteAnswers> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Where an upload is written: the servlet's temp directory first, then the data directory. */
    @Bean
    FreeSpace freeSpace(@Value("${spring.servlet.multipart.location:${java.io.tmpdir}}") Path uploadTemp,
            @Value("${imageflow.data-dir}") Path dataDir, GuardProperties limits) {
        return new FreeSpace(uploadTemp, dataDir, limits.minFreeSpace().toBytes());
    }

    /** After the CORS filter (a refusal must still be readable by the web app), before anything reads the body. */
    @Bean
    FilterRegistrationBean<UploadGate> uploadGate(@Value("${imageflow.security.api-keys:}") List<String> apiKeys,
            GuardProperties limits, FreeSpace freeSpace,
            @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequest, ObjectMapper json) {
        UploadGate gate = new UploadGate(new ApiKeys(apiKeys), new BatchRate(limits.batchesPerMinute()),
                new BytesInFlight(limits.bytesInFlight().toBytes()), freeSpace, maxRequest.toBytes(), json);
        FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
