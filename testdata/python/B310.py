# B310: urllib_urlopen
import urllib.request
urllib.request.urlopen(url)  # fails
from six.moves.urllib.request import urlretrieve
urlretrieve(url, "out")  # fails
requests_get(url)  # ok
