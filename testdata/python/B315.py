# B315: xml_bad_expatreader
import xml.sax.expatreader
parser = xml.sax.expatreader.create_parser()  # fails
import defusedxml.expatreader
parser = defusedxml.expatreader.create_parser()  # ok
