package dev.spur.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.model.ReferencedTypes;
import dev.spur.processor.model.RouteModel;
import dev.spur.processor.model.RouterModel;

import java.util.Set;
import javax.lang.model.element.Element;

/**
 * A type of the router's package named like the first segment of another package ({@code class
 * app.o} beside a handler {@code o.Orders}) hides that package in the router, where no name can
 * reach {@code o.Orders}: an error on each route or hijack that needs such a type.
 */
public final class ObscuredPackages {

    private ObscuredPackages() {
    }

    /** Reports every route and hijack of {@code model} whose types the router cannot name. */
    public static void check(RouterModel model, Reporter reporter) {
        if (model.name().packageName().isEmpty()) {
            return;
        }
        for (RouteModel route : model.routes()) {
            check(model, route.origin(), ReferencedTypes.of(route), reporter);
        }
        for (HijackModel hijack : model.hijacks()) {
            check(model, hijack.origin(), ReferencedTypes.of(hijack), reporter);
        }
    }

    private static void check(RouterModel model, Element origin, Set<ClassName> types, Reporter reporter) {
        String routerPackage = model.name().packageName();
        for (ClassName type : types) {
            String root = type.packageName().isEmpty() ? "" : type.packageName().split("\\.")[0];
            String hiding = model.packageTypes().get(root);
            if (!type.packageName().equals(routerPackage) && hiding != null) {
                reporter.error(Diagnostic.OBSCURED_PACKAGE, origin, type.canonicalName(), model.name().canonicalName(),
                        hiding, root);
                return;
            }
        }
    }
}
