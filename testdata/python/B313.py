# B313: xml_bad_cElementTree
import xml.etree.cElementTree as CET
root = CET.fromstring(body)  # fails
import defusedxml.cElementTree as SAFE
root = SAFE.fromstring(body)  # ok
