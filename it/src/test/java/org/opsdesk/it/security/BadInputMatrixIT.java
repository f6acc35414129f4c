package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/**
 * "A bad request gets a 4xx with a message that says what to fix", for every operation of the OpenAPI document, as an
 * admin (who may call them all), on things that exist: broken JSON, JSON of the wrong shape, every field of the
 * request schema with a value of the wrong type, the wrong content type, nonsense query parameters and path
 * parameters that are no number, no name, or too long. None may answer 5xx, and every 4xx of the API carries a JSON
 * {@code error} and {@code message}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputMatrixIT {

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)[^}]*}");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.basic(Fixtures.agent(true), Fixtures.PASSWORD);

    @Test
    void noOperationAnswersBadInputWithA5xxNorWithoutSayingWhatIsWrong() {
        JsonObject doc = Api.anonymous().send("GET", "/openapi", null, null, "Accept", "application/json")
                .expect(200).json();
        Map<String, String> real = realParameters();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonValue> p : doc.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> o : p.getValue().asJsonObject().entrySet()) {
                String method = o.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String template = p.getKey();
                boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(method);
                // bodies and query parameters against things that exist (never deleting them)
                if (!method.equals("DELETE")) {
                    String path = fill(template, real);
                    for (String query : List.of("?limit=-1&offset=abc", "?limit=99999999999999999999&sort=%00",
                            "?q=%FF%FE&status=%22%3Cscript%3E&since=yesterday&page=-5")) {
                        calls++;
                        check(wrong, method + " " + path + query, admin.send(method, path + query,
                                hasBody ? "{}" : null, hasBody ? "application/json" : null));
                    }
                    if (hasBody) {
                        for (String body : bodies(doc, o.getValue().asJsonObject())) {
                            calls++;
                            check(wrong, method + " " + path + " " + abbreviated(body),
                                    admin.send(method, path, body, "application/json"));
                        }
                        // a value of the wrong type is refused, never read as something else and applied
                        String mistyped = wrongTypes(doc, o.getValue().asJsonObject());
                        if (mistyped != null) {
                            calls++;
                            Api.Reply r = admin.send(method, path, mistyped, "application/json");
                            check(wrong, method + " " + path + " " + abbreviated(mistyped), r);
                            if (r.status() != 400) {
                                wrong.add(method + " " + path + " with every field of the wrong type: " + r.status()
                                        + " " + abbreviated(r.body()));
                            }
                        }
                        calls++;
                        check(wrong, method + " " + path + " as text/plain",
                                admin.send(method, path, "hello", "text/plain"));
                    }
                }
                // path parameters that name nothing, in every wrong form
                if (template.contains("{")) {
                    for (String value : List.of("0", "-1", "99999999999999999999", "abc", "%00", "..%2F..%2Fetc",
                            "a".repeat(3000), "%E2%80%AE%F0%9F%92%A9")) {
                        String path = fill(template, Map.of(), value);
                        calls++;
                        check(wrong, method + " " + abbreviated(path), admin.send(method, path,
                                hasBody ? "{}" : null, hasBody ? "application/json" : null));
                    }
                }
            }
        }
        System.out.println("bad input matrix: " + calls + " calls, answered " + statuses);
        assertThat(calls).as("calls made").isGreaterThan(500);
        assertThat(wrong).as("answers to bad input").isEmpty();
    }

    @Test
    void aTrueOrFalseFieldTakesNothingElse() {
        // JSON-B read any string as false: "perhaps" disabled an agent, or made a new one no admin, answered 200
        String login = Fixtures.agent(false);
        for (String value : List.of("\"perhaps\"", "\"yes\"", "1", "\"true\"")) {
            JsonObject refused = admin.post("/api/agents/" + login + "/active", "{\"active\":" + value + "}")
                    .expect(400).json();
            assertThat(refused.getString("message")).as(value).contains("true or false");
        }
        assertThat(admin.get("/api/agents/" + login).expect(200).json().getBoolean("active")).isTrue();
        String other = Fixtures.unique("agent");
        admin.post("/api/agents", "{\"login\":\"" + other + "\",\"displayName\":\"Other\",\"email\":\"" + other
                + "@ops.example\",\"password\":\"" + Fixtures.PASSWORD + "\",\"admin\":\"perhaps\"}").expect(400);
        admin.get("/api/agents/" + other).expect(404);
    }

    /** Values of path parameters that name things that exist. */
    private Map<String, String> realParameters() {
        String queue = Fixtures.queue();
        long ticket = Fixtures.ticket(admin, queue, "bad input target").getJsonNumber("number").longValue();
        String page = "bad-input/" + Fixtures.unique("page");
        admin.put("/api/wiki/pages/" + page, Json.createObjectBuilder().add("markdown", "# Target\n\nText.").build())
                .expect(201);
        String source = Fixtures.unique("badsrc");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("number", Long.toString(ticket));
        m.put("n", Long.toString(ticket));
        m.put("id", "1");
        m.put("name", queue);
        m.put("path", page);
        m.put("file", "no-such-file.txt");
        m.put("host", "no-such-host.example");
        m.put("login", Fixtures.agent(false));
        m.put("source", source);
        return m;
    }

    private static String fill(String template, Map<String, String> values) {
        return fill(template, values, null);
    }

    private static String fill(String template, Map<String, String> values, String every) {
        Matcher m = PARAM.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = every != null ? every : values.getOrDefault(m.group(1), "no-such-" + m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Broken and ill-shaped JSON, and the operation's request schema with every field of the wrong type. */
    private static List<String> bodies(JsonObject doc, JsonObject operation) {
        List<String> bodies = new ArrayList<>(List.of("{", "{\"a\":", "[]", "\"text\"", "null", "42", "{\"a\":1}",
                "[{\"a\":1}]", "{\"\\u0000\":\"\\u0000\"}"));
        JsonObject schema = schemaOf(doc, operation);
        if (schema != null && schema.containsKey("properties")) {
            JsonObjectBuilder nulls = Json.createObjectBuilder();
            JsonObjectBuilder huge = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> prop : schema.getJsonObject("properties").entrySet()) {
                switch (resolve(doc, prop.getValue().asJsonObject()).getString("type", "object")) {
                    case "string" -> huge.add(prop.getKey(), "x".repeat(200_000));
                    case "integer", "number" -> huge.add(prop.getKey(), new java.math.BigDecimal("1e400"));
                    default -> huge.addNull(prop.getKey());
                }
                nulls.addNull(prop.getKey());
            }
            bodies.add(nulls.build().toString());
            bodies.add(huge.build().toString());
        }
        return bodies;
    }

    /** The operation's request body with every field of the wrong type; null when it takes no JSON object. */
    private static String wrongTypes(JsonObject doc, JsonObject operation) {
        JsonObject schema = schemaOf(doc, operation);
        if (schema == null || !schema.containsKey("properties") || schema.getJsonObject("properties").isEmpty()) {
            return null;
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> prop : schema.getJsonObject("properties").entrySet()) {
            switch (resolve(doc, prop.getValue().asJsonObject()).getString("type", "object")) {
                case "string" -> b.add(prop.getKey(), Json.createObjectBuilder().add("nested", 1));
                case "integer", "number" -> b.add(prop.getKey(), "not a number");
                case "boolean" -> b.add(prop.getKey(), "perhaps");
                case "array" -> b.add(prop.getKey(), "not a list");
                default -> b.add(prop.getKey(), Json.createArrayBuilder().add(1));
            }
        }
        return b.build().toString();
    }

    private static JsonObject schemaOf(JsonObject doc, JsonObject operation) {
        JsonObject content = operation.containsKey("requestBody")
                ? operation.getJsonObject("requestBody").getJsonObject("content") : null;
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        JsonObject media = content.getJsonObject("application/json");
        return media.containsKey("schema") ? resolve(doc, media.getJsonObject("schema")) : null;
    }

    private static JsonObject resolve(JsonObject doc, JsonObject schema) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String name = schema.getString("$ref").substring("#/components/schemas/".length());
        return doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }

    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

    private void check(List<String> wrong, String call, Api.Reply r) {
        statuses.merge(r.status(), 1, Integer::sum);
        if (r.status() >= 500) {
            wrong.add(call + ": " + r.status() + " " + abbreviated(r.body()));
        } else if (r.status() >= 400 && r.status() != 405 && r.status() != 415
                && !(r.body().contains("\"error\"") && r.body().contains("\"message\""))) {
            wrong.add(call + ": " + r.status() + " without a JSON error and message: " + abbreviated(r.body()));
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
