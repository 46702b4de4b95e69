package dev.estreamer.sink.splunk;

import java.util.List;

/**
 * The {@code --scheme} document splunkd reads to learn a modular input's arguments, and the validation error.
 *
 * @param arguments every parameter of a stanza, as declared in README/inputs.conf.spec
 */
public record Scheme(String title, String description, boolean externalValidation, boolean singleInstance,
                     List<Argument> arguments) {

    /** Splunk's argument data types. */
    public enum DataType { STRING, NUMBER, BOOLEAN }

    /** One stanza parameter; {@code validation} is a splunkd validation expression or null. */
    public record Argument(String name, String title, String description, DataType dataType, String validation,
                           boolean requiredOnCreate) {
    }

    public Scheme {
        arguments = List.copyOf(arguments);
    }

    /** The XML document for {@code --scheme}. */
    public String xml() {
        StringBuilder x = new StringBuilder(4096);
        x.append("<scheme>\n");
        x.append("  <title>").append(Xml.escape(title)).append("</title>\n");
        x.append("  <description>").append(Xml.escape(description)).append("</description>\n");
        x.append("  <use_external_validation>").append(externalValidation).append("</use_external_validation>\n");
        x.append("  <use_single_instance>").append(singleInstance).append("</use_single_instance>\n");
        x.append("  <streaming_mode>xml</streaming_mode>\n");
        x.append("  <endpoint>\n    <args>\n");
        for (Argument a : arguments) {
            x.append("      <arg name=\"").append(Xml.escape(a.name())).append("\">\n");
            x.append("        <title>").append(Xml.escape(a.title())).append("</title>\n");
            x.append("        <description>").append(Xml.escape(a.description())).append("</description>\n");
            if (a.validation() != null) {
                x.append("        <validation>").append(Xml.escape(a.validation())).append("</validation>\n");
            }
            x.append("        <data_type>").append(a.dataType().name().toLowerCase()).append("</data_type>\n");
            x.append("        <required_on_create>").append(a.requiredOnCreate()).append("</required_on_create>\n");
            x.append("        <required_on_edit>false</required_on_edit>\n");
            x.append("      </arg>\n");
        }
        x.append("    </args>\n  </endpoint>\n</scheme>\n");
        return x.toString();
    }

    /** What {@code --validate-arguments} prints when it rejects a stanza. */
    public static String error(String message) {
        return "<error><message>" + Xml.escape(message) + "</message></error>\n";
    }
}
