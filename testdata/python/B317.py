# B317: xml_bad_sax
import xml.sax
xml.sax.parseString(body, handler)  # fails
import defusedxml.sax
defusedxml.sax.parseString(body, handler)  # ok
