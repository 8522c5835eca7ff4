//! B702 `use_of_mako_templates`.

use super::common::has_part;
use super::prelude::*;

doc!("Mako templates (no autoescaping).

## What it does
Flags `mako.template.Template(...)` (any call named `Template` under a `mako` module).

## Why is this bad?
Mako does not escape expressions by default: any user-controlled value rendered
into HTML can inject script (XSS).

## Example
```python
from mako.template import Template
Template(\"<p>${name}</p>\").render(name=name)
```

## Use instead
```python
from mako.template import Template
Template(\"<p>${name}</p>\", default_filters=[\"h\"]).render(name=name)
```

## References
- CWE-80: Improper Neutralization of Script-Related HTML Tags in a Web Page (Basic XSS) (https://cwe.mitre.org/data/definitions/80.html)
- bandit B702 (use_of_mako_templates)");

/// `mako.template.Template(...)`.
pub fn check(_cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.name == "Template" && has_part(call.qual, "mako") {
        out.add(
            Severity::Medium,
            Confidence::High,
            "Mako templates allow HTML/JS rendering by default and are inherently open to XSS attacks. Ensure variables in all templates are properly sanitized via the 'n', 'h' or 'x' flags (depending on context). For example, to HTML escape the variable 'data' do ${ data |h }.",
        );
    }
}
