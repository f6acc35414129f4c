package org.opsdesk.web.rest.alert;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * An alert intake that checks a source's secret ({@code ?secret=}) before its body is read (see {@link
 * SecretBeforeBodyFilter}): a caller without the secret learns nothing about the body's format, and no unauthenticated
 * body is parsed.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SecretBeforeBody {
}
