package dev.estreamer.cli;

import dev.estreamer.session.PasswordSource;
import dev.estreamer.sim.Pki;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code estreamer pki}: creates what an FMC hands out, for the simulator and tests. */
final class PkiCommand implements Command {
    @Override
    public String name() {
        return "pki";
    }

    @Override
    public String summary() {
        return "create a CA, a simulator server certificate and a client PKCS#12 like an FMC issues";
    }

    @Override
    public String usage() {
        return "[--out DIR] [--client-address IP] [--legacy]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                        .desc("directory for ca.crt, server.p12 and client.pkcs12 (default ./pki)").build())
                .addOption(Option.builder().longOpt("client-address").hasArg().argName("IP")
                        .desc("the client's address as the FMC sees it; becomes the certificate CN (default 127.0.0.1)")
                        .build())
                .addOption(Option.builder().longOpt("legacy")
                        .desc("encrypt the client PKCS#12 with 3DES/RC2-40 like older FMCs").build());
    }

    @Override
    public int run(CommandLine line) {
        Path dir = Path.of(line.getOptionValue("out", "pki"));
        String address = line.getOptionValue("client-address", "127.0.0.1");
        char[] password = PasswordSource.system(PasswordSource.DEFAULT_VARIABLE, null).resolve(dir.resolve("client.pkcs12"));
        try {
            Pki pki = Pki.builder(dir).clientAddress(address).clientPassword(password)
                    .legacyClientEncryption(line.hasOption("legacy")).build();
            System.out.println("CA certificate:        " + pki.caCertificate());
            System.out.println("simulator keystore:    " + pki.serverKeystore());
            System.out.println("client PKCS#12:        " + pki.clientPkcs12() + " (CN=" + address + ")");
            System.out.println("The PKCS#12 password is the one from " + PasswordSource.DEFAULT_VARIABLE
                    + " or the prompt; it is not stored.");
            return Main.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
