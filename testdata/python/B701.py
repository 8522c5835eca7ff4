# B701: jinja2_autoescape_false
import jinja2
env = jinja2.Environment(loader=loader)  # fails: default is no autoescaping
env = jinja2.Environment(autoescape=False)  # fails
env = jinja2.Environment(autoescape=jinja2.select_autoescape())  # ok
env = jinja2.Environment(autoescape=True)  # ok
