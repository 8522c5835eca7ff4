# B702: use_of_mako_templates
from mako.template import Template
Template("<p>${name}</p>")  # fails
from string import Template as StringTemplate
StringTemplate("$name")  # ok
