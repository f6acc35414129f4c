package org.opsdesk.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFilesTest {

    @Test
    void filesThatAPageCouldRunAsScriptOrStyleAreServedAsBytes() {
        for (String active : new String[] {"application/javascript", "text/javascript", "application/x-javascript",
                "application/ecmascript", "text/ecmascript", "text/jscript", "text/livescript", "text/javascript1.5",
                "text/x-javascript", "Text/JavaScript", "text/css"}) {
            assertThat(SafeFiles.servedAs(active)).as(active).isEqualTo("application/octet-stream");
        }
        assertThat(SafeFiles.servedAs(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void otherFilesKeepTheirType() {
        for (String passive : new String[] {"application/pdf", "image/png", "text/plain", "text/html", "image/svg+xml",
                "application/json", "message/rfc822", "application/zip", "text/csv"}) {
            assertThat(SafeFiles.servedAs(passive)).as(passive).isEqualTo(passive);
        }
    }
}
