# B405: import_xml_etree
import xml.etree.ElementTree as ET  # fails
import defusedxml.ElementTree  # ok
