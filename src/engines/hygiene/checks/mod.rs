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
    pub use crate::hygiene::registry::Anchor;
    pub use crate::hygiene::yaml::{Node, Pair, Scalar, Span, Style, Value};
}

pub mod artipacked;
pub mod aws_long_lived_keys;
pub mod committed_env_file;
pub mod common;
pub mod compose_plain_secret;
pub mod curl_literal_token;
pub mod dangerous_triggers;
pub mod docker_login_password_arg;
pub mod docker_push_latest;
pub mod dockerfile_add_local;
pub mod dockerfile_apt_lists;
pub mod dockerfile_apt_recommends;
pub mod dockerfile_apt_unpinned;
pub mod dockerfile_apt_update_alone;
pub mod dockerfile_chmod_777;
pub mod dockerfile_copy_secrets;
pub mod dockerfile_curl_pipe_sh;
pub mod dockerfile_no_user;
pub mod dockerfile_pip_cache;
pub mod dockerfile_root_user;
pub mod dockerfile_secret_env;
pub mod dockerfile_shell_form_cmd;
pub mod dockerfile_unpinned_from;
pub mod ecr_create_repository;
pub mod ecs_plain_secret;
pub mod ecs_unpinned_image;
pub mod excessive_permissions;
pub mod iam_wildcard_action;
pub mod iam_wildcard_resource;
pub mod oidc_trust_any_repo;
pub mod overprovisioned_secrets;
pub mod secrets_inherit;
pub mod template_injection;
pub mod unpinned_images;
pub mod unpinned_pip_install;
pub mod unpinned_requirements;
pub mod unpinned_uses;
