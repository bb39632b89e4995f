// A real JSSE client for the Java client model's differential test (crates/cli/tests/jsse.rs):
// connects to HOST:PORT trusting the CA in CA_PEM, with revocation checking as the IBM MQ classes
// for Java would get it from the JVM (com.sun.net.ssl.checkRevocation=true, ocsp.enable=true,
// ocsp.responderURL), and prints "OK <protocol>" or "FAIL <exception chain>".
import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

public class JsseProbe {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        System.setProperty("com.sun.net.ssl.checkRevocation", "true");
        Security.setProperty("ocsp.enable", "true");
        Security.setProperty("ocsp.responderURL", args[3]);
        System.setProperty("com.sun.security.ocsp.timeout", "3");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (FileInputStream in = new FileInputStream(args[2])) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("ca", ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(10000);
            socket.startHandshake();
            System.out.println("OK " + socket.getSession().getProtocol());
        } catch (Exception e) {
            StringBuilder chain = new StringBuilder("FAIL");
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(" | ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            }
            System.out.println(chain);
        }
    }
}
