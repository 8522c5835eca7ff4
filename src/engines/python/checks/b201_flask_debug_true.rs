//! B201 `flask_debug_true`.

use super::prelude::*;

doc!("Flask app run with debug=True.

## What it does
In a file that imports flask, flags `*.run(..., debug=True)`. Reported on the
line of `True`.

## Why is this bad?
The Werkzeug debugger lets anyone who can trigger an error run arbitrary Python
in the server process from the browser.

## Example
```python
app.run(debug=True)
```

## Use instead
```python
app.run(debug=os.environ.get(\"FLASK_DEBUG\") == \"1\")
```

## References
- CWE-94: Improper Control of Generation of Code ('Code Injection') (https://cwe.mitre.org/data/definitions/94.html)
- bandit B201 (flask_debug_true)");

/// `app.run(debug=True)` with flask imported.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual.ends_with(".run")
        && cx.imports.like("flask")
        && call.kw_is(cx, "debug", "True") == Some(true)
    {
        out.add_at(
            Severity::High,
            Confidence::Medium,
            "A Flask app appears to be run with debug=True, which exposes the Werkzeug debugger and allows the execution of arbitrary code.",
            call.kw_line("debug"),
        );
    }
}
