package dev.spur;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits of a {@code @Body Multipart} parameter; past any of them the read that finds it is a 413
 * problem. Without it the defaults apply. The listener's {@code maxPayloadSize} (10 MiB unless set)
 * still bounds the whole body: raise it for larger uploads.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface MultipartLimits {

    /** The most bytes of one part's content. Default 10 MiB. */
    long maxPartSize() default 10L * 1024 * 1024;

    /** The most bytes of the whole body, boundaries and headers included; -1 leaves it to {@code maxPayloadSize}. */
    long maxSize() default -1;

    /** The most parts. Default 100. */
    int maxParts() default 100;

    /** The most bytes of one part's header block. Default 8 KiB. */
    int maxHeaderSize() default 8 * 1024;
}
