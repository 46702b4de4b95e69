package dev.estreamer.sink.splunk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What splunkd writes to a modular input's stdin: the run-mode {@code <input>} (one or several
 * {@code <stanza>}s in {@code <configuration>}) or the validation {@code <items>} (one {@code <item>}).
 * The encoding comes from the byte-order mark and XML declaration (Splunk's own fixtures are UTF-16);
 * DTDs are refused, so no entity can reach a file or the network.
 *
 * @param stanzas stanza name (e.g. {@code estreamer://fmc1}) to its parameters, in document order;
 *                a {@code <param_list>} is joined with commas
 */
public record InputDefinition(String serverHost, String serverUri, String sessionKey, String checkpointDir,
                              Map<String, Map<String, String>> stanzas) {

    public InputDefinition {
        stanzas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stanzas));
    }

    /** Parses either document; throws {@link IllegalArgumentException} naming what is wrong. */
    public static InputDefinition parse(InputStream in) {
        Document doc;
        try {
            doc = builder().parse(in);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the input definition from splunkd is not valid XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        String stanzaTag = switch (root.getTagName()) {
            case "input" -> "stanza";
            case "items" -> "item";
            default -> throw new IllegalArgumentException("expected <input> or <items> from splunkd, got <"
                    + root.getTagName() + ">");
        };
        Map<String, Map<String, String>> stanzas = new LinkedHashMap<>();
        NodeList list = root.getElementsByTagName(stanzaTag);
        for (int i = 0; i < list.getLength(); i++) {
            Element stanza = (Element) list.item(i);
            stanzas.put(stanza.getAttribute("name"), params(stanza));
        }
        return new InputDefinition(text(root, "server_host"), text(root, "server_uri"), text(root, "session_key"),
                text(root, "checkpoint_dir"), stanzas);
    }

    private static Map<String, String> params(Element stanza) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Node n = stanza.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (e.getTagName().equals("param")) {
                params.put(e.getAttribute("name"), e.getTextContent().trim());
            } else if (e.getTagName().equals("param_list")) {
                List<String> values = new ArrayList<>();
                NodeList v = e.getElementsByTagName("value");
                for (int k = 0; k < v.getLength(); k++) {
                    values.add(v.item(k).getTextContent().trim());
                }
                params.put(e.getAttribute("name"), String.join(",", values));
            }
        }
        return params;
    }

    private static String text(Element root, String tag) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e; // reported once, by the caller, not also printed on stderr
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
