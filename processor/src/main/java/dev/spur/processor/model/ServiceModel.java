package dev.spur.processor.model;

import com.palantir.javapoet.ClassName;

import java.util.List;

import javax.lang.model.element.Element;

/**
 * A service of the application: its name, whether it is private, the host a public one answers
 * on (empty for any), its service-level layers (outermost first), the binding client generated
 * for it (null for the implicit default service, which has none) and where it is declared (null
 * for the default service).
 */
public record ServiceModel(String name, boolean isPrivate, String host, List<ClassName> layers, ClassName binding,
                           Element origin) {

    /** The name of the service of handlers that declare none. */
    public static final String DEFAULT = "default";

    /** Copies the layers. */
    public ServiceModel {
        layers = List.copyOf(layers);
    }

    /** The implicit public service of handlers without {@code @Service}. */
    public static ServiceModel implicitDefault() {
        return new ServiceModel(DEFAULT, false, "", List.of(), null, null);
    }
}
