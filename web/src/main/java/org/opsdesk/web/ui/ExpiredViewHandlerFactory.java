package org.opsdesk.web.ui;

import java.util.Iterator;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.web.security.OpsDeskAuthenticationMechanism;

/**
 * A form whose view the session no longer holds (open too long while other pages pushed it out, or the server
 * restarted) leads back to the page it was on, saying that nothing was changed, rather than to an error page answered
 * with a 500: that page offers back what was typed into a reply, a comment, a new ticket or a wiki page (see
 * {@link Drafts}), so sending again is one click. Registered in faces-config.xml.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExpiredViewHandler(getWrapped().getExceptionHandler());
    }

    static final class ExpiredViewHandler extends ExceptionHandlerWrapper {

        ExpiredViewHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                    events.hasNext();) {
                if (expired(events.next().getContext().getException()) && !faces.getResponseComplete()
                        && !faces.getExternalContext().isResponseCommitted()
                        && !faces.getPartialViewContext().isAjaxRequest()) {
                    events.remove();
                    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
                    Messages.error("The form was open too long and expired, so nothing was changed. Text typed into a"
                            + " reply, a comment, a new ticket or a wiki page is offered back: send it again.");
                    Redirects.to(OpsDeskAuthenticationMechanism.nextAfterLogin(request, request.getServletPath()));
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(Throwable t) {
            for (int depth = 0; t != null && depth < 16; t = t.getCause(), depth++) {
                if (t instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
