//! B611 `django_rawsql_used`.

use super::prelude::*;

doc!("Django RawSQL with non-literal SQL.

## What it does
In a file that imports from `django.db.models`, flags `RawSQL(sql, ...)` whose
SQL is not a string literal.

## Why is this bad?
The SQL text is sent as is; building it from variables lets their content
change the query (SQL injection).

## Example
```python
from django.db.models.expressions import RawSQL
qs.annotate(v=RawSQL(\"select col from t where id = %s\" % uid, []))
```

## Use instead
```python
from django.db.models.expressions import RawSQL
qs.annotate(v=RawSQL(\"select col from t where id = %s\", [uid]))
```

## References
- CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection') (https://cwe.mitre.org/data/definitions/89.html)
- bandit B611 (django_rawsql_used)");

/// `RawSQL(non_literal)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.name != "RawSQL" || !cx.imports.like("django.db.models") {
        return;
    }
    let sql = match call.args.first() {
        Some(a) => *a,
        None => match call.kw("sql") {
            Some(v) => v,
            None => return,
        },
    };
    if !is_str_constant(cx.k, cx.src, sql) {
        out.add(
            Severity::Medium,
            Confidence::Medium,
            "Use of RawSQL potential SQL attack vector.",
        );
    }
}
