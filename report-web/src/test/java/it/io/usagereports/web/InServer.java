package it.io.usagereports.web;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian deployments: the application's own WAR plus the in-server tests and AssertJ. Such a
 * copy shares the server's one application metric registry with the real application, and its
 * undeployment removes the gauges both registered: {@code RunGauges} registers them again.
 */
final class InServer {

    private InServer() {}

    /** {@code name} must differ from {@code report-web}, which the server already runs. */
    static WebArchive deployment(String name, Class<?>... testClasses) {
        try {
            File assertj = new File(Assertions.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return ShrinkWrap.create(WebArchive.class, name + ".war")
                    .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/report-web.war")))
                    .addClasses(testClasses)
                    .addClasses(InServer.class, WorkTable.class)
                    .addAsLibrary(assertj);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
