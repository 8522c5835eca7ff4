# B704: markupsafe_markup_xss
from markupsafe import Markup
html = Markup(f"<b>{username}</b>")  # fails
html = Markup("<b>static</b>")  # ok
