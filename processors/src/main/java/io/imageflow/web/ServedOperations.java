package io.imageflow.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.support.RestConsumerContextPathMatcher;
import org.apache.camel.support.RestConsumerContextPathMatcher.ConsumerPath;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The operations a contract-first REST service serves (its base path, and each operation's path, method and
 * request media types), and what the contract says about a request. Requests are matched as Camel's
 * rest-openapi processor matches them (with its own matcher), and taken to be the service's exactly when
 * Spring would hand them to the service (each operation path and everything under it, as platform-http maps
 * it), so this and the processor cannot disagree.
 */
final class ServedOperations {

    /** One operation of the contract: {@code /batches/{batchId}} GET under {@code /api/v1}. */
    record Operation(String basePath, String path, String method, List<MediaType> consumes) {
    }

    /** What the contract says about a request. */
    sealed interface Verdict {
    }

    /** Outside the API's base path and no operation path reaches it: not the contract's (the web app, other handlers). */
    record NotOurs() implements Verdict {
    }

    /** An operation answers it; {@code consumes} is what its request body may be (empty: anything). */
    record Served(List<MediaType> consumes) implements Verdict {
    }

    /** No operation has this path (404) or none with this method (405, {@code allow} names those that are). */
    record Refused(int status, Set<String> allow) implements Verdict {
    }

    /** The methods Camel's processor tries when it lists those allowed; HEAD is served as GET (see ContractGuard). */
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private final List<Service> services;

    ServedOperations(List<Operation> operations) {
        List<Service> byBase = new ArrayList<>();
        for (Operation operation : operations) {
            Service service = byBase.stream().filter(s -> s.basePath.equals(operation.basePath())).findFirst()
                    .orElseGet(() -> {
                        Service added = new Service(operation.basePath());
                        byBase.add(added);
                        return added;
                    });
            service.add(operation);
        }
        this.services = List.copyOf(byBase);
    }

    /** @param path the request's path within the application, as received (not decoded) */
    Verdict judge(String method, String path) {
        for (Service service : services) {
            if (service.reaches(path)) {
                return service.judge(method, path);
            }
        }
        for (Service service : services) {
            if (service.isUnder(path)) {
                return new Refused(404, Set.of()); // under the API's own base path, but no operation's
            }
        }
        return new NotOurs();
    }

    private static final class Service {

        private final String basePath;
        private final List<PathPattern> reach = new ArrayList<>();
        private final List<ConsumerPath<Operation>> paths = new ArrayList<>();

        Service(String basePath) {
            this.basePath = basePath;
        }

        void add(Operation operation) {
            String uri = (basePath.equals("/") ? "" : basePath) + operation.path();
            // as CamelRequestHandlerMapping registers a contract path: itself and anything under it
            reach.add(PathPatternParser.defaultInstance.parse(uri + "/{*matchOnUriPrefix}"));
            paths.add(new ContractPath(operation));
        }

        /** A path below a base path of its own ({@code /api/v1/...}); the root ({@code /}) is shared with the web app. */
        boolean isUnder(String path) {
            return !basePath.equals("/") && path.startsWith(basePath + "/");
        }

        boolean reaches(String path) {
            PathContainer container = PathContainer.parsePath(path);
            return reach.stream().anyMatch(pattern -> pattern.matches(container));
        }

        /** As RestOpenApiProcessor decides: the best operation for method and path, else who is allowed. */
        Verdict judge(String method, String path) {
            String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
            // Camel's matcher takes OPTIONS to match every method (a CORS preflight): OPTIONS is answered here
            ConsumerPath<Operation> served = "OPTIONS".equals(method) ? null
                    : match("HEAD".equals(method) ? "GET" : method, relative);
            if (served != null) {
                return new Served(served.getConsumer().consumes());
            }
            Set<String> allow = new LinkedHashSet<>();
            for (String candidate : METHODS) {
                if (match(candidate, relative) != null) {
                    allow.add(candidate);
                    if (candidate.equals("GET")) {
                        allow.add("HEAD");
                    }
                }
            }
            if (!allow.isEmpty()) {
                allow.add("OPTIONS");
            }
            return new Refused(allow.isEmpty() ? 404 : 405, allow);
        }

        private ConsumerPath<Operation> match(String method, String relative) {
            try {
                return RestConsumerContextPathMatcher.matchBestPath(method, relative, paths);
            } catch (IllegalStateException ambiguous) {
                return null; // two operation paths fit equally well: the processor would fail the same way
            }
        }
    }

    private record ContractPath(Operation operation) implements ConsumerPath<Operation> {

        @Override
        public String getRestrictMethod() {
            return operation.method();
        }

        @Override
        public String getConsumerPath() {
            return operation.path();
        }

        @Override
        public Operation getConsumer() {
            return operation;
        }

        @Override
        public boolean isMatchOnUriPrefix() {
            return false;
        }
    }
}
