package dev.spur.processor;

/**
 * Every error the processor reports, each with a stable ID (shown in brackets at the start of the
 * message) and a text that says what is wrong and how to fix it. Tests compare against
 * {@link #format(Object...)} of these constants.
 */
public enum Diagnostic {
    /** A path template that does not follow the template syntax. */
    BAD_PATH("Route/BadPath", "Path template '%s' is malformed: %s"),
    /** A catch-all segment that is not the last one. */
    CATCH_ALL_NOT_LAST("Route/CatchAllNotLast",
            "Path template '%s' has catch-all {*%s} before its last segment; a catch-all must end the template"),
    /** Two parameters of one template with the same name. */
    DUPLICATE_PARAM("Route/DuplicateParam",
            "Path template '%s' binds parameter '%s' twice; give each path parameter its own name"),
    /** An HTTP method that is not an upper-case token. */
    BAD_METHOD("Route/BadMethod",
            "HTTP method '%s' is not valid; use an upper-case token such as GET, POST or PURGE"),
    /** A template parameter no handler parameter receives. */
    UNBOUND_PARAM("Route/UnboundParam",
            "Path parameter '%s' of '%s' has no handler parameter; add a parameter named '%s' to %s"),
    /** A handler parameter that is neither a template parameter nor annotated. */
    UNKNOWN_PARAM("Route/UnknownParam",
            "Parameter '%s' is not a parameter of path '%s'; rename it to one of the template's {names} "
                    + "or annotate it with @Query, @Header or @Body"),
    /** A handler parameter of a type Spur cannot supply. */
    UNSUPPORTED_PARAM_TYPE("Route/UnsupportedParamType", "Parameter '%s' has unsupported type %s; %s"),
    /** A handler return type Spur cannot write. */
    UNSUPPORTED_RETURN_TYPE("Route/UnsupportedReturnType",
            "Return type %s of %s is not supported; return void, String, byte[], InputStream, BodyWriter, "
                    + "Response, Optional<T>, a JSON-serialisable object, or a CompletionStage<T> of one of them"),
    /** Two parameter annotations on one parameter, or two bodies. */
    CONFLICTING_BINDING("Route/ConflictingBinding", "Parameter '%s' %s"),
    /** A {@code defaultValue} that does not convert to the parameter's type. */
    BAD_DEFAULT("Route/BadDefault", "Default value '%s' of parameter '%s' is not %s"),
    /** An empty or malformed query parameter or header name. */
    BAD_PARAM_NAME("Route/BadParamName", "'%s' is not a valid %s name"),
    /** Two routes with the same method and template shape. */
    DUPLICATE_ROUTE("Route/Duplicate",
            "Route %s %s of %s conflicts with route %s %s of %s: both match the same requests; change the "
                    + "path or the method of one"),
    /** A handler class or method the generated router cannot call. */
    INACCESSIBLE("Route/Inaccessible", "%s cannot be called by the generated router: %s"),
    /** A {@code @Match} without any condition. */
    MATCH_EMPTY("Match/Empty", "@Match has no condition, so it would always hold; give it a condition or remove it"),
    /** A malformed host pattern. */
    BAD_HOST("Match/BadHost", "Host pattern '%s' is malformed: %s"),
    /** A malformed header condition. */
    BAD_HEADER("Match/BadHeader",
            "Header condition '%s' is malformed; write 'Name' (present) or 'Name=value' (equals), Name a token"),
    /** A malformed query condition. */
    BAD_QUERY("Match/BadQuery",
            "Query condition '%s' is malformed; write 'name' (present) or 'name=value' (equals)"),
    /** A malformed media type. */
    BAD_MEDIA_TYPE("Match/BadMediaType", "Media type '%s' is malformed: %s"),
    /** A {@code @Match} value too long for the router's string constants. */
    TOO_LONG("Match/TooLong", "@Match %s value '%s' has %d bytes of UTF-8; a @Match value is limited to %d bytes"),
    /** A scheme other than http or https. */
    BAD_SCHEME("Match/BadScheme", "Scheme '%s' is not 'http' or 'https'"),
    /** An unknown HTTP version. */
    BAD_VERSION("Match/BadVersion", "HTTP version '%s' is not one of 1.0, 1.1, 2"),
    /** A port outside 1..65535. */
    BAD_PORT("Match/BadPort", "Port %s is outside 1..65535 (0 means any port)"),
    /** A malformed CIDR. */
    BAD_CIDR("Match/BadCidr", "Network '%s' is not an IPv4 or IPv6 CIDR such as 10.0.0.0/8 or fd00::/8: %s"),
    /** A custom matcher class the router cannot use. */
    BAD_CUSTOM("Match/BadCustom", "Custom matcher %s %s"),
    /** A {@code @Match} on an element that declares no route. */
    MATCH_WITHOUT_ROUTE("Match/WithoutRoute",
            "@Match on %s has no effect: it applies only to a @Route method or a class with @Route methods"),
    /** Conditions that exclude each other. */
    UNSATISFIABLE("Match/Unsatisfiable", "The conditions of %s can never hold together: %s"),
    /** Two hijacks with the same matcher. */
    DUPLICATE_HIJACK("Hijack/Duplicate",
            "Hijack %s has the same matcher as hijack %s, so one would never see a request; merge them or change one"),
    /** The router's name is already a type of the compilation. */
    ROUTER_NAME_TAKEN("Route/RouterNameTaken",
            "The router would be generated as %s, but that type already exists; rename it or pass -A%s=<another name>"),
    /** A {@code -Aspur.router} value that is no usable class name. */
    BAD_ROUTER_NAME("Route/BadRouterName", "-A%s=%s is not a usable router name: %s"),
    /** A handler class in the unnamed package beside a router in a named package. */
    DEFAULT_PACKAGE("Route/DefaultPackage",
            "Handler class %s is in the unnamed package, so the router %s in package %s cannot reach it (a class "
                    + "in a named package cannot use one in the unnamed package); move %s into a package"),
    /** A handler class of the router's package named like a parameter of the generated router. */
    RESERVED_NAME("Route/ReservedName",
            "Handler class %s is named like a parameter of the generated router's methods (one of %s), which "
                    + "would hide it there; rename the class (Java class names start with an upper-case letter)"),
    /** A type the router must name whose package is hidden by a type of the router's own package. */
    OBSCURED_PACKAGE("Route/ObscuredPackage",
            "Type %s cannot be named in the generated router %s: the class %s of the router's package hides the "
                    + "package %s there (JLS 6.4.2); rename that class (Java class names start with an upper-case "
                    + "letter) or put the router in another package"),
    /** A {@code @Layer} value that does not implement the runtime's {@code Layer}. */
    LAYER_NOT_A_LAYER("Layer/NotALayer",
            "%s is not a layer: a class in @Layer must implement dev.spur.runtime.Layer"),
    /** A layer class the generated router can neither create nor take from its builder. */
    LAYER_NOT_INSTANTIABLE("Layer/NotInstantiable", "Layer %s cannot be used by the generated router: %s"),
    /** One layer class twice in one {@code @Layer}. */
    LAYER_DUPLICATE("Layer/Duplicate",
            "Layer %s is listed twice at this level; a layer runs once per level, so list it once"),
    /** {@code @Layer} on a method that is no route. */
    LAYER_WITHOUT_ROUTE("Layer/WithoutRoute",
            "@Layer on method %s has no effect: the method has no @Route; add one or move @Layer to the class"),
    /** {@code @Layer} on a package other than the router's. */
    LAYER_NOT_ROUTER_PACKAGE("Layer/NotRouterPackage",
            "@Layer on package %s has no effect: application layers go on the package of the router %s, service "
                    + "layers on a package that declares @Service"),
    /** A service name that is not a lower-case name. */
    SERVICE_BAD_NAME("Service/BadName",
            "Service name '%s' is not valid: use a lower-case letter, then lower-case letters, digits and single "
                    + "hyphens (store, audit-log); 'default' names the service of handlers without @Service"),
    /** Two {@code @Service} declarations of one name. */
    SERVICE_DUPLICATE_NAME("Service/DuplicateName",
            "Service '%s' is declared twice: here and on %s; declare a service once (on a package-info.java for a "
                    + "service of several classes) or give each its own name"),
    /** A private service with a host. */
    SERVICE_PRIVATE_HOST("Service/PrivateHost",
            "Service '%s' is PRIVATE and so has no host: only the application's own services reach it; remove "
                    + "host, or make the service PUBLIC"),
    /** A host that is no DNS name. */
    SERVICE_BAD_HOST("Service/BadHost",
            "Host '%s' of service '%s' is not a host name; write one such as api.example.com, without scheme or port"),
    /** A handler class whose own service differs from its package's. */
    SERVICE_TWO_SERVICES("Service/TwoServices",
            "Handler class %s is in two services: '%s' (its own @Service) and '%s' (@Service on package %s); a "
                    + "class belongs to one service, so remove one of them"),
    /** {@code @Service} where there are no routes. */
    SERVICE_WITHOUT_ROUTES("Service/WithoutRoutes",
            "@Service '%s' on %s has no effect: %s has no @Route methods; put @Service on handler classes or on "
                    + "their package"),
    /** {@code @Service} in a compilation whose handlers are in the unnamed package. */
    SERVICE_UNNAMED_PACKAGE("Service/UnnamedPackage",
            "@Service '%s' needs the router in a named package: the binding client %s is generated beside it"),
    /** A binding to a service with a route that needs Helidon's own request or response. */
    BINDING_RAW_ROUTE("Binding/RawRoute",
            "Binding %s reaches route %s (%s), which takes Helidon's %s: a binding call has no network request to "
                    + "give it; make that route take Spur parameters, or move it out of service '%s'"),
    /** Services that bind each other in a cycle. */
    BINDING_CYCLE("Binding/Cycle",
            "Services bind each other in a cycle: %s; services must depend on each other one way, so that each "
                    + "can start, be deployed and answer before those that call it; break the cycle"),
    /** A class with a binding parameter and several public constructors. */
    BINDING_AMBIGUOUS_CONSTRUCTOR("Binding/AmbiguousConstructor",
            "%s has %d public constructors and one takes a binding; the router creates a class that takes "
                    + "bindings, so give it exactly one public constructor"),
    /** An {@code @Answer} status outside 100..599. */
    ANSWER_BAD_STATUS("Answer/BadStatus", "@Answer status %d is not an HTTP status; use one within 100..599"),
    /** A streamed body parameter without {@code @Body}. */
    STREAM_WITHOUT_BODY("Route/StreamWithoutBody",
            "Parameter '%s' of type %s reads the request body as it arrives; annotate it with @Body"),
    /** A handler that answers with Server-Sent Events and also returns a value. */
    EVENTS_NOT_VOID("Route/EventsNotVoid",
            "%s takes an SseSink, so it answers through the sink; make it return void, not %s"),
    /** {@code @MultipartLimits} on a parameter that is no multipart body. */
    MISPLACED_LIMITS("Route/MisplacedLimits",
            "@MultipartLimits on parameter '%s' has no effect: it applies to a @Body Multipart parameter"),
    /** A multipart limit that cannot hold. */
    BAD_LIMITS("Route/BadLimits", "@MultipartLimits %s = %d is not valid: %s"),
    /** A processor failure: a bug in Spur, reported on the element being processed. */
    INTERNAL("Route/Internal", "Spur's processor failed on this element; please report it: %s");

    private final String id;
    private final String template;

    Diagnostic(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /** The stable ID, e.g. {@code Route/Duplicate}. */
    public String id() {
        return id;
    }

    /** The full message with its ID prefix. */
    public String format(Object... args) {
        return "[" + id + "] " + String.format(template, args);
    }
}
