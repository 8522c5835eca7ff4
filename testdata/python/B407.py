# B407: import_xml_expat
import xml.dom.expatbuilder  # fails
import defusedxml.expatbuilder  # ok
