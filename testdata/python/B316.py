# B316: xml_bad_expatbuilder
from xml.dom import expatbuilder
doc = expatbuilder.parseString(body)  # fails
import defusedxml.expatbuilder
doc = defusedxml.expatbuilder.parseString(body)  # ok
