# B703: django_mark_safe
from django.utils.safestring import mark_safe


def greet(name):
    return mark_safe("<b>%s</b>" % name)  # fails (B308 too)


def fixed():
    text = "<b>hi</b>"
    return mark_safe(text)  # ok for B703: provably a literal (B308 still flags it)
