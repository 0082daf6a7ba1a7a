package it.io.usagereports.web;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian deployments: the application's own WAR plus the in-server tests and AssertJ. Such a
 * copy registers the application's metrics too, in the server's one application registry: its
 * own {@code mp_app} tag keeps them apart from the real application's, which would otherwise be
 * removed with the copy's when the copy is undeployed.
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
                    .addClass(InServer.class)
                    .addAsLibrary(assertj)
                    .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "in-server-config.jar")
                            .addAsManifestResource(
                                    new StringAsset("config_ordinal=200\nmp.metrics.appName=" + name + "\n"),
                                    "microprofile-config.properties"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
