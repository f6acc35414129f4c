package org.opsdesk.web.ui;

import java.util.ArrayList;
import java.util.List;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.component.UIViewRoot;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A form posts to the address of the page it is on, query string included ({@code ticket.xhtml?n=12}), not to the
 * bare view ({@code ticket.xhtml}): when the server answers a refused action with the same page (an empty reply, a
 * ticket changed meanwhile, a wiki conflict), the address still names the ticket or page, so a reload or a bookmark
 * works. The {@code sent=} mark of a sent draft ({@link Drafts}) is left out: posted again with it, a refused reply
 * would have its draft forgotten. Registered in faces-config.xml.
 */
public class FormsKeepTheirAddress extends ViewHandlerWrapper {

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
        String query = withoutSent(request.getQueryString());
        return query.isEmpty() ? url : url + "?" + query;
    }

    /** The query string without its {@code sent} parameters. */
    static String withoutSent(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.equals("sent") && !part.startsWith("sent=")) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }
}
