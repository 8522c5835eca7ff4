//! One file per check, named after its id. Each file's `NAME` is its title
//! and `DOC` its documentation (what `gate rules explain` prints);
//! [`crate::hygiene::registry::CHECKS`] lists them all.

/// Declare a check's title and documentation once: its doc comment, `NAME` and `DOC`.
macro_rules! doc {
    ($name:literal, $text:literal) => {
        #[doc = $text]
        pub const DOC: &str = $text;
        /// The check's one-line title.
        pub const NAME: &str = $name;
    };
}

/// What check files import.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub use crate::finding::{Confidence, Severity};
    pub use crate::hygiene::context::{Cx, Hits, Job, Step};
    pub use crate::hygiene::kind::FileKind;
    pub use crate::hygiene::yaml::{Node, Pair, Scalar, Span, Style, Value};
}

pub mod common;
pub mod unpinned_uses;
