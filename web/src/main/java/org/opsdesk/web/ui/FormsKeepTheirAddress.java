package org.opsdesk.web.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.web.ui.queue.QueueFilter;

/**
 * A form posts to the address of the page it is on ({@code ticket.xhtml?n=12}), not to the bare view
 * ({@code ticket.xhtml}): when the server answers a refused action with the same page (an empty reply, a ticket
 * changed meanwhile, a wiki conflict), the address still names the ticket or page, so a reload or a bookmark works.
 * <p>
 * Only the parameters that name the page are carried: the view's declared view parameters (and the queue page's
 * filter, which it reads itself), never a form's fields. Faces reads a request's parameters from its query string
 * before its body, so a link carrying {@code reply:body=…} or a form's id would otherwise have been posted again
 * with every form of that page: another text sent than the one typed, or a hidden merge at the next click. A name
 * that is some form's id on the page is left out too, and so is the {@code sent=} mark of a sent draft
 * ({@link Drafts}): posted again with it, a refused reply would have its draft forgotten. Registered in
 * faces-config.xml.
 */
public class FormsKeepTheirAddress extends ViewHandlerWrapper {

    /** Pages that read parameters naming them without declaring them as view parameters. */
    private static final Map<String, Set<String>> UNDECLARED = Map.of("/queue.xhtml", QueueFilter.PARAMETERS,
            "/admin/queues.xhtml", Set.of("edit"), "/admin/mailboxes.xhtml", Set.of("edit"),
            "/admin/alert-sources.xhtml", Set.of("edit"), "/admin/triggers.xhtml", Set.of("edit"),
            "/admin/macros.xhtml", Set.of("edit"), "/admin/organizations.xhtml", Set.of("edit"));
    private static final String FORM_IDS = FormsKeepTheirAddress.class.getName() + ".formIds";

    public FormsKeepTheirAddress(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        UIViewRoot root = context.getViewRoot();
        if (root == null || !viewId.equals(root.getViewId()) || url.contains("?")
                || !(context.getExternalContext().getRequest() instanceof HttpServletRequest request)) {
            return url;
        }
        Set<String> naming = new HashSet<>(UNDECLARED.getOrDefault(viewId, Set.of()));
        for (UIViewParameter p : ViewMetadata.getViewParameters(root)) {
            naming.add(p.getName());
        }
        naming.remove("sent");
        naming.removeAll(formIds(context, root));
        String query = keep(request.getQueryString(), naming);
        return query.isEmpty() ? url : url + "?" + query;
    }

    /** The parts of a query string whose (decoded) name is one of {@code names}, as written. */
    static String keep(String query, Set<String> names) {
        if (query == null || query.isEmpty() || names.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            String name;
            try {
                name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                continue;
            }
            if (names.contains(name)) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }

    /** The ids of the page's forms, gathered once per request. */
    @SuppressWarnings("unchecked")
    private static Set<String> formIds(FacesContext context, UIViewRoot root) {
        return (Set<String>) context.getAttributes().computeIfAbsent(FORM_IDS, k -> {
            Set<String> ids = new HashSet<>();
            collectForms(root, ids);
            return ids;
        });
    }

    private static void collectForms(UIComponent component, Set<String> ids) {
        if (component instanceof UIForm) {
            ids.add(component.getId());
        }
        for (UIComponent child : component.getChildren()) {
            collectForms(child, ids);
        }
        component.getFacets().values().forEach(facet -> collectForms(facet, ids));
    }
}
