# B308: mark_safe
from django.utils.safestring import mark_safe
html = mark_safe("<b>fixed</b>")  # fails (B308 flags every call)
from django.utils.html import format_html
html = format_html("<b>{}</b>", name)  # ok
