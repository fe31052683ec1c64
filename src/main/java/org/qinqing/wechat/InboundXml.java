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

	/**
	 * The text without the characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF). A
	 * user who typed or pasted one (a phone keyboard can) still gets an answer rather than WeChat's "该公众号
	 * 暂时无法提供服务"; nothing else is changed.
	 */
	static String withoutForbiddenCharacters(String xml) {
		StringBuilder out = null;
		for (int i = 0; i < xml.length(); i++) {
			char c = xml.charAt(i);
			boolean allowed;
			if (Character.isHighSurrogate(c) && i + 1 < xml.length() && Character.isLowSurrogate(xml.charAt(i + 1))) {
				if (out != null) {
					out.append(c).append(xml.charAt(i + 1));
				}
				i++;
				continue;
			}
			allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
			if (!allowed && out == null) {
				out = new StringBuilder(xml.length()).append(xml, 0, i);
			}
			else if (allowed && out != null) {
				out.append(c);
			}
		}
		return out == null ? xml : out.toString();
	}

	/**
	 * The fields by element name (characters XML forbids removed first); throws {@link MalformedXmlException} for
	 * anything else than WeChat's shape.
	 */
	static Map<String, String> parse(String raw) {
		String xml = withoutForbiddenCharacters(raw);
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
