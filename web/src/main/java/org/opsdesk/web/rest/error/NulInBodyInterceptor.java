package org.opsdesk.web.rest.error;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.opsdesk.web.http.NulCharacters;

/**
 * Refuses a JSON or URL-encoded form body that holds a NUL character (the escape {@code \\u0000}, {@code %00}) with
 * 400 {@code invalid_text} (see {@link NulCharacters}), once it has been read: the body is looked at as it streams
 * past, never held a second time. Bodies read as bytes or streams (a page file, a mail, an archive) are stored as
 * they are and not looked at.
 */
@Provider
public class NulInBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        Class<?> target = context.getType();
        boolean form = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (!form && !json || target == byte[].class || InputStream.class.isAssignableFrom(target)) {
            return context.proceed();
        }
        Scanned scanned = new Scanned(context.getInputStream(), new NulCharacters.Scan(form));
        context.setInputStream(scanned);
        Object entity = context.proceed();
        if (scanned.scan.found()) {
            throw new WebApplicationException(ErrorBody.response(400, NulCharacters.CODE, NulCharacters.MESSAGE));
        }
        return entity;
    }

    /** The body as read, every byte shown to the scan. */
    private static final class Scanned extends FilterInputStream {

        final NulCharacters.Scan scan;

        Scanned(InputStream in, NulCharacters.Scan scan) {
            super(in);
            this.scan = scan;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                scan.next(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                scan.next(buffer[offset + i] & 0xff);
            }
            return n;
        }
    }
}
