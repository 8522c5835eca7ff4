# B408: import_xml_minidom
from xml.dom import minidom  # fails
from defusedxml import minidom as safe  # ok
