# B409: import_xml_pulldom
from xml.dom import pulldom  # fails
from defusedxml import pulldom as safe  # ok
