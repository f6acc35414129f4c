package org.opsdesk.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON of the API: null fields are written out ({@code "owner": null}), so every answer has one shape; a {@code Long}
 * or {@code Integer} field takes whole numbers only ({@link WholeNumbers}), a boolean field true or false only
 * ({@link TrueOrFalse}).
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
            .withDeserializers(new WholeNumbers.Longs(), new WholeNumbers.Integers(), new TrueOrFalse()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
