/**
 * Text in an XML file, the way Moodle's own exporter writes it (qformat_xml::xml_escape in
 * question/format/xml/format.php): plain when it holds no markup character, else one CDATA
 * section, with any "]]>" in it split across two sections ("]]]]><![CDATA[>"). Characters XML 1.0
 * allows nowhere, not even in CDATA (section 2.2: C0 controls but tab, CR and LF; lone
 * surrogates; U+FFFE and U+FFFF), are dropped, so no content can make the file ill-formed.
 */

const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without the characters XML 1.0 forbids. */
export const xmlCharacters = (text: string): string => text.replace(NOT_XML_CHARACTER, '');

/** Text for an element's content: as is, or in CDATA when it holds & < > " or '. */
export function xmlText(text: string): string {
  const clean = xmlCharacters(text);
  return /[&<>"']/.test(clean) ? `<![CDATA[${clean.replaceAll(']]>', ']]]]><![CDATA[>')}]]>` : clean;
}

/** `<text>…</text>`, the element Moodle reads every text from. */
export const textElement = (text: string): string => `<text>${xmlText(text)}</text>`;

/** An HTML text field: `<name format="html"><text>…</text></name>`. */
export const htmlField = (name: string, html: string, indent: string): string =>
  `${indent}<${name} format="html">\n${indent}  ${textElement(html)}\n${indent}</${name}>\n`;

/** A field holding plain text in a <text> element (Formulas' fields, names, categories). */
export const textField = (name: string, text: string, indent: string): string =>
  `${indent}<${name}>${textElement(text)}</${name}>\n`;
