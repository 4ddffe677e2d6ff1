package dev.tillsync.server.tls;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Makes Javalin's Jetty listen with TLS only: the one connector it gets is HTTPS, so Javalin adds no plain one and
 * no request reaches the API or console unencrypted on this port.
 */
public final class HttpsConnector {
    private HttpsConnector() {}

    public static void configure(JavalinConfig cfg, ServerCertificate cert, String host, int port) {
        ServerCertificate.KeyStoreWithPassword ks = cert.keyStore();
        cfg.jetty.addConnector((server, httpConfig) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(ks.keyStore());
            ssl.setKeyStorePassword(ks.password());
            ssl.setKeyManagerPassword(ks.password());
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(httpConfig);
            // Tills pin the certificate and reach the server by IP as often as by name: the name a client sends (SNI)
            // need not be one the certificate lists.
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            c.setHost(host);
            c.setPort(port);
            return c;
        });
    }
}
