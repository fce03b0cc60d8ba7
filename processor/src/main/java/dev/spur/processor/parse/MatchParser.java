package dev.spur.processor.parse;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.Condition;
import dev.spur.processor.model.MatchModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads {@code @Match} annotations (single, repeated or inside {@code @Hijack}) into checked {@link MatchModel}s. */
public final class MatchParser {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final String REQUEST_MATCHER = "dev.spur.runtime.RequestMatcher";

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;

    /** A parser reporting through {@code reporter}. */
    public MatchParser(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
    }

    /** The alternatives declared on {@code element} (empty when none); null when one is in error. */
    public List<MatchModel> alternatives(Element element) {
        List<AnnotationMirror> mirrors = new ArrayList<>();
        Annotations.find(element, Annotations.MATCH).ifPresent(mirrors::add);
        Annotations.find(element, Annotations.MATCH_LIST).ifPresent(list -> mirrors.addAll(nested(list)));
        return parseAll(element, mirrors);
    }

    /** The {@code @Match}es inside a container annotation's {@code value}. */
    public static List<AnnotationMirror> nested(AnnotationMirror container) {
        AnnotationValue value = Annotations.explicit(container, "value");
        List<AnnotationMirror> mirrors = new ArrayList<>();
        if (value != null && value.getValue() instanceof List<?> list) {
            for (Object item : list) {
                mirrors.add((AnnotationMirror) ((AnnotationValue) item).getValue());
            }
        }
        return mirrors;
    }

    /** Parses each mirror; null when any was in error. */
    public List<MatchModel> parseAll(Element element, List<AnnotationMirror> mirrors) {
        int before = reporter.errorCount();
        List<MatchModel> alternatives = new ArrayList<>();
        for (AnnotationMirror mirror : mirrors) {
            MatchModel match = parse(element, mirror);
            if (match != null) {
                alternatives.add(match);
            }
        }
        return reporter.errorCount() > before ? null : alternatives;
    }

    private MatchModel parse(Element element, AnnotationMirror mirror) {
        int before = reporter.errorCount();
        for (String attribute : List.of("host", "header", "query", "consumes", "produces", "listener", "remote")) {
            AnnotationValue single = Annotations.explicit(mirror, attribute);
            List<AnnotationValue> values = single != null && single.getValue() instanceof String
                    ? List.of(single) : strings(mirror, attribute);
            for (AnnotationValue value : values) {
                String text = (String) value.getValue();
                if (Limits.tooLong(text)) {
                    reporter.error(Diagnostic.TOO_LONG, element, mirror, value, attribute, Limits.abbreviate(text),
                            Limits.utf8Length(text), Limits.MAX_BYTES);
                }
            }
        }
        if (reporter.errorCount() > before) {
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        AnnotationValue host = Annotations.explicit(mirror, "host");
        if (host != null) {
            add(conditions, host(element, mirror, host));
        }
        for (AnnotationValue header : strings(mirror, "header")) {
            add(conditions, nameValue(element, mirror, header, true));
        }
        for (AnnotationValue query : strings(mirror, "query")) {
            add(conditions, nameValue(element, mirror, query, false));
        }
        List<String> consumes = mediaTypes(element, mirror, "consumes", true);
        if (!consumes.isEmpty()) {
            conditions.add(new Condition.Consumes(consumes));
        }
        List<String> produces = mediaTypes(element, mirror, "produces", false);
        if (!produces.isEmpty()) {
            conditions.add(new Condition.Produces(produces));
        }
        AnnotationValue scheme = Annotations.explicit(mirror, "scheme");
        if (scheme != null) {
            String text = ((String) scheme.getValue()).toLowerCase(Locale.ROOT);
            if (text.equals("http") || text.equals("https")) {
                conditions.add(new Condition.Scheme(text.equals("https")));
            } else {
                reporter.error(Diagnostic.BAD_SCHEME, element, mirror, scheme, scheme.getValue());
            }
        }
        AnnotationValue version = Annotations.explicit(mirror, "version");
        if (version != null) {
            String text = (String) version.getValue();
            switch (text) {
                case "1.0", "1.1" -> conditions.add(new Condition.Version(text));
                case "2", "2.0" -> conditions.add(new Condition.Version("2.0"));
                default -> reporter.error(Diagnostic.BAD_VERSION, element, mirror, version, text);
            }
        }
        AnnotationValue port = Annotations.explicit(mirror, "port");
        if (port != null) {
            int number = (Integer) port.getValue();
            if (number < 0 || number > 65535) {
                reporter.error(Diagnostic.BAD_PORT, element, mirror, port, number);
            } else if (number > 0) {
                conditions.add(new Condition.Port(number));
            }
        }
        AnnotationValue listener = Annotations.explicit(mirror, "listener");
        if (listener != null && !((String) listener.getValue()).isEmpty()) {
            conditions.add(new Condition.Listener((String) listener.getValue()));
        }
        List<String> networks = new ArrayList<>();
        for (AnnotationValue remote : strings(mirror, "remote")) {
            String cidr = ((String) remote.getValue()).trim();
            String problem = cidrProblem(cidr);
            if (problem != null) {
                reporter.error(Diagnostic.BAD_CIDR, element, mirror, remote, cidr, problem);
            } else {
                networks.add(cidr);
            }
        }
        if (!networks.isEmpty()) {
            conditions.add(new Condition.Remote(networks));
        }
        AnnotationValue custom = Annotations.explicit(mirror, "custom");
        if (custom != null && custom.getValue() instanceof TypeMirror type && type.getKind() != TypeKind.VOID) {
            add(conditions, custom(element, mirror, custom, type));
        }
        AnnotationValue negate = Annotations.explicit(mirror, "negate");
        if (reporter.errorCount() > before) {
            return null;
        }
        if (conditions.isEmpty()) {
            reporter.error(Diagnostic.MATCH_EMPTY, element, mirror);
            return null;
        }
        return new MatchModel(conditions, negate != null && (Boolean) negate.getValue());
    }

    private static void add(List<Condition> conditions, Condition condition) {
        if (condition != null) {
            conditions.add(condition);
        }
    }

    private static List<AnnotationValue> strings(AnnotationMirror mirror, String name) {
        AnnotationValue value = Annotations.explicit(mirror, name);
        List<AnnotationValue> values = new ArrayList<>();
        if (value != null && value.getValue() instanceof List<?> list) {
            list.forEach(item -> values.add((AnnotationValue) item));
        }
        return values;
    }

    private Condition host(Element element, AnnotationMirror mirror, AnnotationValue value) {
        String text = ((String) value.getValue()).trim().toLowerCase(Locale.ROOT);
        boolean wildcard = text.startsWith("*.");
        String name = wildcard ? text.substring(2) : text;
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String problem = null;
        if (name.isEmpty()) {
            problem = "it is empty";
        } else if (name.contains(":")) {
            problem = "a host pattern has no port; use @Match(port = ...) for the local port";
        } else if (name.contains("*")) {
            problem = "'*' may only stand alone as the first label, as in *.example.com";
        } else {
            for (String label : name.split("\\.", -1)) {
                if (!LABEL.matcher(label).matches()) {
                    problem = "label '" + label + "' is not a DNS label (letters, digits, inner '-')";
                    break;
                }
            }
        }
        if (problem != null) {
            reporter.error(Diagnostic.BAD_HOST, element, mirror, value, value.getValue(), problem);
            return null;
        }
        return new Condition.Host(wildcard ? "." + name : name, wildcard);
    }

    private Condition nameValue(Element element, AnnotationMirror mirror, AnnotationValue value, boolean header) {
        String text = (String) value.getValue();
        int equals = text.indexOf('=');
        String name = (equals < 0 ? text : text.substring(0, equals)).trim();
        String expected = equals < 0 ? null : text.substring(equals + 1).trim();
        boolean valid = header ? HttpNames.isHeaderName(name) : HttpNames.isQueryName(name);
        if (!valid || expected != null && expected.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            reporter.error(header ? Diagnostic.BAD_HEADER : Diagnostic.BAD_QUERY, element, mirror, value, text);
            return null;
        }
        return header ? new Condition.Header(name, expected) : new Condition.Query(name, expected);
    }

    private List<String> mediaTypes(Element element, AnnotationMirror mirror, String attribute, boolean ranges) {
        List<String> types = new ArrayList<>();
        for (AnnotationValue value : strings(mirror, attribute)) {
            String text = ((String) value.getValue()).trim();
            String problem = mediaTypeProblem(text, ranges);
            if (problem != null) {
                reporter.error(Diagnostic.BAD_MEDIA_TYPE, element, mirror, value, text, problem);
            } else {
                types.add(text.toLowerCase(Locale.ROOT));
            }
        }
        return types;
    }

    static String mediaTypeProblem(String text, boolean ranges) {
        String[] parts = text.split(";", -1);
        String[] typeAndSub = parts[0].trim().split("/", -1);
        if (typeAndSub.length != 2) {
            return "write type/subtype, e.g. application/json";
        }
        String type = typeAndSub[0];
        String subtype = typeAndSub[1];
        boolean wildcard = type.equals("*") || subtype.equals("*") || subtype.startsWith("*+");
        if (wildcard && !ranges) {
            return "produces names concrete types, without '*'";
        }
        if (type.equals("*") && !subtype.equals("*")) {
            return "'*/" + subtype + "' is not a media range; use */* or type/*";
        }
        String plainSub = subtype.startsWith("*+") ? subtype.substring(2) : subtype;
        if (!type.equals("*") && !TOKEN.matcher(type).matches() || !plainSub.equals("*") && !TOKEN.matcher(plainSub).matches()) {
            return "type and subtype must be tokens";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            if (pair.length != 2 || !TOKEN.matcher(pair[0].trim()).matches() || pair[1].trim().isEmpty()) {
                return "parameter '" + parts[i].trim() + "' is not name=value";
            }
        }
        return null;
    }

    static String cidrProblem(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = !v4 && IPV6.matcher(address).matches();
        if (!v4 && !v6) {
            return "'" + address + "' is not an IP address literal";
        }
        if (v4) {
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return "octet " + octet + " is over 255";
                }
            }
        } else {
            try {
                // An IPv4-mapped address (::ffff:10.0.0.0) comes back as its 4 IPv4 bytes; its prefix
                // still counts the 128 bits of the IPv6 form (::ffff:10.0.0.0/104 is 10.0.0.0/8).
                int length = java.net.InetAddress.getByName(address).getAddress().length;
                if (length != 16 && length != 4) {
                    return "'" + address + "' is not an IPv6 address";
                }
            } catch (java.net.UnknownHostException | IllegalArgumentException e) {
                return "'" + address + "' is not an IPv6 address";
            }
        }
        if (slash >= 0) {
            String prefix = cidr.substring(slash + 1);
            int max = v4 ? 32 : 128;
            if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > max) {
                return "prefix '/" + prefix + "' must be 0.." + max;
            }
        }
        return null;
    }

    private Condition custom(Element element, AnnotationMirror mirror, AnnotationValue value, TypeMirror type) {
        TypeElement matcher = elements.getTypeElement(REQUEST_MATCHER);
        String name = type.toString();
        if (type.getKind() != TypeKind.DECLARED) {
            reporter.error(Diagnostic.BAD_CUSTOM, element, mirror, value, name, "is not a class");
            return null;
        }
        TypeElement typeElement = (TypeElement) ((DeclaredType) type).asElement();
        if (matcher == null || !types.isAssignable(type, matcher.asType())) {
            reporter.error(Diagnostic.BAD_CUSTOM, element, mirror, value, name, "does not implement " + REQUEST_MATCHER);
            return null;
        }
        for (javax.lang.model.element.Element e = typeElement.getEnclosingElement(); e instanceof TypeElement outer;
                e = e.getEnclosingElement()) {
            if (!outer.getModifiers().contains(Modifier.PUBLIC)) {
                reporter.error(Diagnostic.BAD_CUSTOM, element, mirror, value, name,
                        "cannot be reached by the generated router: its enclosing class " + outer.getSimpleName()
                                + " is not public");
                return null;
            }
        }
        boolean inner = typeElement.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
                && !typeElement.getModifiers().contains(Modifier.STATIC);
        // A record without components has the public no-argument constructor a matcher needs.
        javax.lang.model.element.ExecutableElement constructor = (typeElement.getKind() == ElementKind.CLASS
                || typeElement.getKind() == ElementKind.RECORD) && !inner
                && typeElement.getModifiers().contains(Modifier.PUBLIC)
                && !typeElement.getModifiers().contains(Modifier.ABSTRACT)
                ? ElementFilter.constructorsIn(typeElement.getEnclosedElements()).stream()
                .filter(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC))
                .findFirst().orElse(null)
                : null;
        if (constructor == null) {
            reporter.error(Diagnostic.BAD_CUSTOM, element, mirror, value, name,
                    "cannot be instantiated: it must be a public, non-abstract, top-level or static class with a public "
                            + "no-argument constructor");
            return null;
        }
        for (TypeMirror thrown : constructor.getThrownTypes()) {
            if (!TypeSupport.isSubclass(thrown, "java.lang.RuntimeException")
                    && !TypeSupport.isSubclass(thrown, "java.lang.Error")) {
                // The router creates its matchers in static initialisers, where nothing can handle it.
                reporter.error(Diagnostic.BAD_CUSTOM, element, mirror, value, name,
                        "cannot be created by the router: its no-argument constructor throws the checked " + thrown
                                + "; handle it inside the constructor");
                return null;
            }
        }
        return new Condition.Custom(ClassName.get(typeElement), typeElement.getTypeParameters().size());
    }
}
