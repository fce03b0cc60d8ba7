package dev.spur.processor.parse;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.ServiceModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Service} on handler classes and their packages: which service each handler class
 * belongs to, and each service's name, visibility, host, service-level layers and binding client.
 * Every misuse is reported at its annotation value.
 */
public final class ServiceParser {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern HOST = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

    private final Elements elements;
    private final Reporter reporter;
    private final String routerPackage;
    private final LayerParser layers;
    private final Map<String, ServiceModel> declared = new LinkedHashMap<>();
    private final Map<Element, String> declarations = new LinkedHashMap<>();

    /** A parser for the services of a router generated in {@code routerPackage}. */
    public ServiceParser(Elements elements, Reporter reporter, String routerPackage, LayerParser layers) {
        this.elements = elements;
        this.reporter = reporter;
        this.routerPackage = routerPackage;
        this.layers = layers;
    }

    /** The binding client's class of service {@code name} in {@code routerPackage}: {@code audit-log} → {@code AuditLogBinding}. */
    public static ClassName bindingName(String routerPackage, String name) {
        StringBuilder simple = new StringBuilder();
        for (String part : name.split("-")) {
            simple.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return ClassName.get(routerPackage, simple + "Binding");
    }

    /**
     * The service of handler class {@code handler} ({@link ServiceModel#DEFAULT} when neither it nor
     * its package declares one); a conflict or a malformed declaration is reported.
     */
    public String serviceOf(TypeElement handler) {
        PackageElement pkg = elements.getPackageOf(handler);
        String own = declaration(handler);
        String ofPackage = declaration(pkg);
        if (own != null && ofPackage != null && !own.equals(ofPackage)) {
            AnnotationMirror mirror = Annotations.find(handler, Annotations.SERVICE).orElseThrow();
            reporter.error(Diagnostic.SERVICE_TWO_SERVICES, handler, mirror, Annotations.explicit(mirror, "name"),
                    handler.getSimpleName(), own, ofPackage, pkg.getQualifiedName());
        }
        return own != null ? own : ofPackage != null ? ofPackage : ServiceModel.DEFAULT;
    }

    /** The service {@code element} declares (read once, reported once), or null when it declares none or a bad one. */
    private String declaration(Element element) {
        if (declarations.containsKey(element)) {
            return declarations.get(element);
        }
        Optional<AnnotationMirror> found = Annotations.find(element, Annotations.SERVICE);
        String name = found.map(mirror -> parse(element, mirror)).orElse(null);
        declarations.put(element, name);
        return name;
    }

    private String parse(Element element, AnnotationMirror mirror) {
        AnnotationValue nameValue = Annotations.explicit(mirror, "name");
        String name = nameValue == null ? "" : String.valueOf(nameValue.getValue());
        if (!NAME.matcher(name).matches() || name.equals(ServiceModel.DEFAULT)) {
            reporter.error(Diagnostic.SERVICE_BAD_NAME, element, mirror, nameValue, name);
            return null;
        }
        if (routerPackage.isEmpty()) {
            reporter.error(Diagnostic.SERVICE_UNNAMED_PACKAGE, element, mirror, nameValue, name,
                    bindingName("", name).simpleName());
            return null;
        }
        ServiceModel earlier = declared.get(name);
        if (earlier != null) {
            reporter.error(Diagnostic.SERVICE_DUPLICATE_NAME, element, mirror, nameValue, name, where(earlier.origin()));
            return null;
        }
        AnnotationValue visibility = Annotations.explicit(mirror, "visibility");
        boolean isPrivate = visibility != null && visibility.getValue() instanceof VariableElement constant
                && constant.getSimpleName().contentEquals("PRIVATE");
        AnnotationValue hostValue = Annotations.explicit(mirror, "host");
        String host = hostValue == null ? "" : String.valueOf(hostValue.getValue());
        if (!host.isEmpty() && isPrivate) {
            reporter.error(Diagnostic.SERVICE_PRIVATE_HOST, element, mirror, hostValue, name);
            return null;
        }
        if (!host.isEmpty() && !HOST.matcher(host).matches()) {
            reporter.error(Diagnostic.SERVICE_BAD_HOST, element, mirror, hostValue, host, name);
            return null;
        }
        // @Layer on a service's package-info is the service's own level; on the router's package it
        // stays the application's, and on a class it stays the class's
        List<ClassName> serviceLayers = element instanceof PackageElement pkg
                && !pkg.getQualifiedName().contentEquals(routerPackage) ? layers.layers(pkg) : List.of();
        declared.put(name, new ServiceModel(name, isPrivate, host.toLowerCase(Locale.ROOT), serviceLayers,
                bindingName(routerPackage, name), element));
        return name;
    }

    private static String where(Element element) {
        return element instanceof PackageElement pkg ? "package " + pkg.getQualifiedName()
                : element instanceof TypeElement type ? type.getQualifiedName().toString() : element.toString();
    }

    /** The service-level layers of service {@code name}, outermost first. */
    public List<ClassName> layersOf(String name) {
        ServiceModel service = declared.get(name);
        return service == null ? List.of() : service.layers();
    }

    /**
     * The services declared so far, and the default one first when {@code withDefault} (some handler
     * declares none); empty when none is declared.
     */
    public List<ServiceModel> services(boolean withDefault) {
        if (declared.isEmpty()) {
            return List.of();
        }
        List<ServiceModel> all = new ArrayList<>();
        if (withDefault) {
            all.add(ServiceModel.implicitDefault());
        }
        all.addAll(declared.values());
        return all;
    }
}
