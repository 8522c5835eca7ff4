//! B403 `import_pickle`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of pickle, cPickle, dill or shelve.

## What it does
Flags imports of `pickle`, `cPickle`, `dill`, `shelve` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
These modules deserialize with pickle, which runs code chosen by whoever wrote the data.

## Example
```python
import pickle
```

## Use instead
```python
import json
```

## References
- CWE-502: Deserialization of Untrusted Data (https://cwe.mitre.org/data/definitions/502.html)
- bandit B403 (import_pickle)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["pickle", "cPickle", "dill", "shelve"],
    message: "Consider possible security implications associated with {name} module.",
};
