# B406: import_xml_sax
import xml.sax  # fails
import defusedxml.sax  # ok
