//! B301 `pickle`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Unpickling untrusted data.

## What it does
Flags calls to `pickle.loads`, `pickle.load`, `pickle.Unpickler`, `dill.loads`, `dill.load`, `dill.Unpickler`, `shelve.open`, `shelve.DbfilenameShelf`, `jsonpickle.decode`, `jsonpickle.unpickler.decode`, `jsonpickle.unpickler.Unpickler`, `pandas.read_pickle`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
Unpickling runs code chosen by whoever wrote the data: a pickle can call any importable function (`os.system`) while it is loaded.

## Example
```python
import pickle
obj = pickle.loads(request.body)
```

## Use instead
```python
import json
obj = json.loads(request.body)
```

## References
- CWE-502: Deserialization of Untrusted Data (https://cwe.mitre.org/data/definitions/502.html)
- bandit B301 (pickle)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["pickle.loads", "pickle.load", "pickle.Unpickler", "dill.loads", "dill.load", "dill.Unpickler", "shelve.open", "shelve.DbfilenameShelf", "jsonpickle.decode", "jsonpickle.unpickler.decode", "jsonpickle.unpickler.Unpickler", "pandas.read_pickle"],
    message: "Pickle and modules that wrap it can be unsafe when used to deserialize untrusted data, possible security issue.",
};
