//! `dockerfile-shell-form-cmd`: `CMD`/`ENTRYPOINT` in shell form.

use super::prelude::*;

doc!(
    "CMD or ENTRYPOINT in shell form",
    r#"CMD or ENTRYPOINT in shell form.

## What it does
Flags `CMD` and `ENTRYPOINT` written as a command line rather than a JSON
array (exec form). hadolint `DL3025`.

## Why is this bad?
In shell form the service runs as a child of `/bin/sh -c`: `docker stop`
and ECS send `SIGTERM` to the shell, which does not pass it on, so the
service never shuts down cleanly and is killed after the timeout
(in-flight requests are dropped). An `ENTRYPOINT` in shell form also
ignores the `CMD` and the arguments given to `docker run`.

## Example
```dockerfile
CMD gunicorn --bind 0.0.0.0:8000 app:app
```

## Use instead
```dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
```

## References
- hadolint DL3025 (https://github.com/hadolint/hadolint/wiki/DL3025)"#
);

/// Every `CMD` and `ENTRYPOINT`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    for ins in &d.instructions {
        if !matches!(ins.keyword.as_str(), "CMD" | "ENTRYPOINT")
            || ins.json.is_some()
            || ins.args.is_empty()
        {
            continue;
        }
        out.add(
            d.index.span(ins.keyword_range.clone()),
            format!("`{}` in shell form runs under `/bin/sh -c`, which does not pass SIGTERM on; write it as a JSON array", ins.keyword),
        );
    }
}
