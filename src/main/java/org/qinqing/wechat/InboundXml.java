package org.qinqing.wechat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the flat XML WeChat posts into its fields with a parser that refuses any DTD, so entity
 * tricks (XXE, billion laughs) never reach a parser that would expand them. WeChat never sends a
 * DTD; nested elements (ScanCodeInfo...) are flattened by their leaf names.
 */
final class InboundXml {

	static final int MAX_FIELDS = 64;

	private static final XMLInputFactory FACTORY = createFactory();

	private InboundXml() {
	}

	private static XMLInputFactory createFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

	/** The fields by element name; throws {@link MalformedXmlException} for anything else than WeChat's shape. */
	static Map<String, String> parse(String xml) {
		Map<String, String> fields = new HashMap<>();
		try {
			XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
			try {
				String element = null;
				StringBuilder text = new StringBuilder();
				int depth = 0;
				while (reader.hasNext()) {
					switch (reader.next()) {
						case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
								XMLStreamConstants.ENTITY_DECLARATION ->
							throw new MalformedXmlException("DTDs and entities are not accepted");
						case XMLStreamConstants.START_ELEMENT -> {
							depth++;
							if (depth > 4) {
								throw new MalformedXmlException("nested too deeply");
							}
							element = reader.getLocalName();
							text.setLength(0);
						}
						case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
						case XMLStreamConstants.END_ELEMENT -> {
							depth--;
							if (element != null) {
								fields.put(element, text.toString());
								if (fields.size() > MAX_FIELDS) {
									throw new MalformedXmlException("too many fields");
								}
							}
							element = null;
						}
						default -> {
						}
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new MalformedXmlException("not well-formed XML");
		}
		return fields;
	}

	/** The body is not XML WeChat would send; the message says why without echoing input. */
	static final class MalformedXmlException extends RuntimeException {

		MalformedXmlException(String reason) {
			super(reason);
		}

	}

}
