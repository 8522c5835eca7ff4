# B314: xml_bad_ElementTree
import xml.etree.ElementTree as ET
root = ET.parse("a.xml")  # fails
import defusedxml.ElementTree as SAFE
root = SAFE.parse("a.xml")  # ok
