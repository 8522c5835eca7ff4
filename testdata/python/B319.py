# B319: xml_bad_pulldom
from xml.dom import pulldom
events = pulldom.parseString(body)  # fails
from defusedxml import pulldom as safe_pulldom
events = safe_pulldom.parseString(body)  # ok
