# B318: xml_bad_minidom
from xml.dom import minidom
doc = minidom.parseString(body)  # fails
from defusedxml import minidom as safe_minidom
doc = safe_minidom.parseString(body)  # ok
