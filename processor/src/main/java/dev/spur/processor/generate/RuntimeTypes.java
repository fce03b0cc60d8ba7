package dev.spur.processor.generate;

import com.palantir.javapoet.ClassName;

/** The runtime and Helidon types generated code names; the processor never loads them. */
final class RuntimeTypes {

    static final String RUNTIME = "dev.spur.runtime";
    /** What only generated code calls. */
    static final String INTERNAL = "dev.spur.runtime.internal";

    static final ClassName ROUTER = ClassName.get(RUNTIME, "Router");
    static final ClassName ROUTE_INFO = ClassName.get(RUNTIME, "RouteInfo");
    static final ClassName REQUEST_PATH = ClassName.get(INTERNAL, "RequestPath");
    static final ClassName PARAMS = ClassName.get(INTERNAL, "Params");
    static final ClassName BODIES = ClassName.get(INTERNAL, "Bodies");
    static final ClassName FORM_FIELDS = ClassName.get(INTERNAL, "FormFields");
    static final ClassName RESPONSES = ClassName.get(INTERNAL, "Responses");
    static final ClassName ASYNC = ClassName.get(INTERNAL, "Async");
    static final ClassName HIJACKED = ClassName.get(INTERNAL, "Hijacked");
    static final ClassName ALLOW = ClassName.get(INTERNAL, "Allow");
    static final ClassName CONDITIONS = ClassName.get(INTERNAL, "Conditions");
    static final ClassName MEDIA_RANGE = ClassName.get(INTERNAL, "MediaRange");
    static final ClassName CIDR = ClassName.get(INTERNAL, "Cidr");
    static final ClassName HTTP_PROBLEM = ClassName.get(RUNTIME, "HttpProblem");

    static final ClassName EXCHANGE = ClassName.get(RUNTIME, "Exchange");
    static final ClassName LAYER = ClassName.get(RUNTIME, "Layer");
    static final ClassName FAILURES = ClassName.get(INTERNAL, "Failures");
    static final ClassName SERVER_REQUEST = ClassName.get("io.helidon.webserver.http", "ServerRequest");
    static final ClassName SERVER_RESPONSE = ClassName.get("io.helidon.webserver.http", "ServerResponse");
    static final ClassName HEADER_NAME = ClassName.get("io.helidon.http", "HeaderName");
    static final ClassName HEADER_NAMES = ClassName.get("io.helidon.http", "HeaderNames");
    static final ClassName GENERIC_TYPE = ClassName.get("io.helidon.common", "GenericType");
    static final String SERVICES_PACKAGE = RUNTIME + ".services";
    static final ClassName SERVICES = ClassName.get(SERVICES_PACKAGE, "Services");
    static final ClassName SERVICE_INFO = ClassName.get(SERVICES_PACKAGE, "ServiceInfo");
    static final ClassName BINDING = ClassName.get(SERVICES_PACKAGE, "Binding");
    static final ClassName REPLY = ClassName.get(SERVICES_PACKAGE, "Reply");
    static final ClassName ANSWERED = ClassName.get(SERVICES_PACKAGE, "Answered");
    static final ClassName TARGETS = ClassName.get(SERVICES_PACKAGE, "Targets");
    static final ClassName VISIBILITY = ClassName.get("dev.spur", "Service", "Visibility");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private RuntimeTypes() {
    }
}
