package io.streamis.common.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET endpoint that changes state (kept as GET for 0.3.x callers, e.g. {@code GET .../job/stop}). The
 * server's cross-site defence treats it like a POST: it needs proof that the call comes from the server's pages.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChangesState {
}
