//! One file per check. Each file's `DOC` is its documentation and what
//! `gate rules explain` prints; [`crate::python::registry::CHECKS`] lists them all.

/// Declare a check's documentation once, as both its doc comment and `DOC`.
macro_rules! doc {
    ($text:literal) => {
        #[doc = $text]
        pub const DOC: &str = $text;
    };
}

/// What check files import.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub use crate::finding::{Confidence, Severity};
    pub use crate::python::context::{Call, Cx, Hits, Str, StrParent};
    pub use crate::python::literal::{
        arg_value, constant_value, is_constant, is_str_constant, kind_of, literal, Lit,
    };
    pub use crate::python::tree::{children, is_string, line, text, unparen};
}

pub mod b101_assert_used;
pub mod b102_exec_used;
pub mod b103_set_bad_file_permissions;
pub mod b104_hardcoded_bind_all_interfaces;
pub mod b105_hardcoded_password_string;
pub mod b106_hardcoded_password_funcarg;
pub mod b107_hardcoded_password_default;
pub mod b108_hardcoded_tmp_directory;
pub mod b110_try_except_pass;
pub mod b112_try_except_continue;
pub mod b113_request_without_timeout;
pub mod b201_flask_debug_true;
pub mod b202_tarfile_unsafe_members;
pub mod b301_pickle;
pub mod b302_marshal;
pub mod b303_md5;
pub mod b304_ciphers;
pub mod b305_cipher_modes;
pub mod b306_mktemp_q;
pub mod b307_eval;
pub mod b308_mark_safe;
pub mod b310_urllib_urlopen;
pub mod b311_random;
pub mod b312_telnetlib;
pub mod b313_xml_bad_celementtree;
pub mod b314_xml_bad_elementtree;
pub mod b315_xml_bad_expatreader;
pub mod b316_xml_bad_expatbuilder;
pub mod b317_xml_bad_sax;
pub mod b318_xml_bad_minidom;
pub mod b319_xml_bad_pulldom;
pub mod b321_ftplib;
pub mod b323_unverified_context;
pub mod b324_hashlib;
pub mod b401_import_telnetlib;
pub mod b402_import_ftplib;
pub mod b403_import_pickle;
pub mod b404_import_subprocess;
pub mod b405_import_xml_etree;
pub mod b406_import_xml_sax;
pub mod b407_import_xml_expat;
pub mod b408_import_xml_minidom;
pub mod b409_import_xml_pulldom;
pub mod b411_import_xmlrpclib;
pub mod b412_import_httpoxy;
pub mod b413_import_pycrypto;
pub mod b415_import_pyghmi;
pub mod b501_request_with_no_cert_validation;
pub mod b502_ssl_with_bad_version;
pub mod b503_ssl_with_bad_defaults;
pub mod b504_ssl_with_no_version;
pub mod b505_weak_cryptographic_key;
pub mod b506_yaml_load;
pub mod b507_ssh_no_host_key_verification;
pub mod b508_snmp_insecure_version;
pub mod b509_snmp_weak_cryptography;
pub mod b601_paramiko_calls;
pub mod b602_subprocess_popen_with_shell_equals_true;
pub mod b603_subprocess_without_shell_equals_true;
pub mod b604_any_other_function_with_shell_equals_true;
pub mod b605_start_process_with_a_shell;
pub mod b606_start_process_with_no_shell;
pub mod b607_start_process_with_partial_path;
pub mod b608_hardcoded_sql_expressions;
pub mod b609_linux_commands_wildcard_injection;
pub mod b610_django_extra_used;
pub mod b611_django_rawsql_used;
pub mod b612_logging_config_insecure_listen;
pub mod b613_trojansource;
pub mod b614_pytorch_load;
pub mod b615_huggingface_unsafe_download;
pub mod b701_jinja2_autoescape_false;
pub mod b702_use_of_mako_templates;
pub mod b703_django_mark_safe;
pub mod b704_markupsafe_markup_xss;
pub mod common;
