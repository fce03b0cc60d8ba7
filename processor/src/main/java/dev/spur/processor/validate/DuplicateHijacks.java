package dev.spur.processor.validate;

import dev.spur.processor.Diagnostic;
import dev.spur.processor.Reporter;
import dev.spur.processor.model.HijackModel;
import dev.spur.processor.parse.Annotations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rejects two hijacks with the same matcher: the one tried second would never see a request. */
public final class DuplicateHijacks {

    private DuplicateHijacks() {
    }

    /** Reports every duplicate in {@code hijacks}. */
    public static void check(List<HijackModel> hijacks, Reporter reporter) {
        Map<String, HijackModel> seen = new HashMap<>();
        for (HijackModel hijack : hijacks) {
            HijackModel first = seen.putIfAbsent(hijack.guard().canonical(), hijack);
            if (first != null) {
                reporter.error(Diagnostic.DUPLICATE_HIJACK, hijack.origin(),
                        Annotations.find(hijack.origin(), Annotations.HIJACK).orElseThrow(),
                        hijack.type().simpleName(), first.type().simpleName());
            }
        }
    }
}
