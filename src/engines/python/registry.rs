//! The one table of Python checks: id, bandit name, default severity and
//! confidence, CWE, what node kind it runs on, the code, and its documentation.

use tree_sitter::Node;

use super::checks::*;
use super::context::{Call, Cx, Hits, Str};
use super::literal::{is_str_constant, Lit};
use super::tree::unparen;
use crate::engines::RuleInfo;
use crate::finding::{Confidence, Severity};

/// What a check looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    Call,
    Str,
    FunctionDef,
    Import,
    ExceptHandler,
    Assert,
    File,
    /// A blacklisted call (B3xx): data, matched by the shared blacklist test.
    BlacklistCall,
    /// A blacklisted import (B4xx): matched on imports and on `__import__`-style calls.
    BlacklistImport,
}

/// A blacklist entry: qualified names and the message (`{name}` is replaced).
#[derive(Debug)]
pub struct Blacklist {
    pub qualnames: &'static [&'static str],
    pub message: &'static str,
}

/// How a check runs.
#[derive(Clone, Copy)]
pub enum Run {
    Call(fn(&Cx<'_>, &Call<'_, '_>, &mut Hits)),
    Str(fn(&Cx<'_>, &Str<'_, '_>, &mut Hits)),
    Node(fn(&Cx<'_>, Node<'_>, &mut Hits)),
    File(fn(&Cx<'_>, &mut Hits)),
    Blacklist(&'static Blacklist),
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Run")
    }
}

/// One check.
#[derive(Debug)]
pub struct Check {
    /// bandit's test id (`B602`).
    pub id: &'static str,
    /// bandit's test name (`subprocess_popen_with_shell_equals_true`).
    pub name: &'static str,
    /// Default severity and confidence (some checks vary them per finding).
    pub severity: Severity,
    pub confidence: Confidence,
    /// CWE id (0: none).
    pub cwe: u32,
    pub on: On,
    pub run: Run,
    /// The check's documentation (what `gate rules explain` prints).
    pub doc: &'static str,
}

use Confidence as C;
use Severity as S;

macro_rules! checks {
    ($($id:literal $name:literal $sev:ident $conf:ident $cwe:literal $on:ident $module:ident $run:expr;)*) => {
        /// Every check, in id order.
        pub static CHECKS: &[Check] = &[
            $(Check {
                id: $id,
                name: $name,
                severity: S::$sev,
                confidence: C::$conf,
                cwe: $cwe,
                on: On::$on,
                run: $run,
                doc: $module::DOC,
            },)*
        ];
    };
}

checks! {
    "B101" "assert_used" Low High 703 Assert b101_assert_used Run::Node(b101_assert_used::check);
    "B102" "exec_used" Medium High 78 Call b102_exec_used Run::Call(b102_exec_used::check);
    "B103" "set_bad_file_permissions" Medium High 732 Call b103_set_bad_file_permissions Run::Call(b103_set_bad_file_permissions::check);
    "B104" "hardcoded_bind_all_interfaces" Medium Medium 605 Str b104_hardcoded_bind_all_interfaces Run::Str(b104_hardcoded_bind_all_interfaces::check);
    "B105" "hardcoded_password_string" Low Medium 259 Str b105_hardcoded_password_string Run::Str(b105_hardcoded_password_string::check);
    "B106" "hardcoded_password_funcarg" Low Medium 259 Call b106_hardcoded_password_funcarg Run::Call(b106_hardcoded_password_funcarg::check);
    "B107" "hardcoded_password_default" Low Medium 259 FunctionDef b107_hardcoded_password_default Run::Node(b107_hardcoded_password_default::check);
    "B108" "hardcoded_tmp_directory" Medium Medium 377 Str b108_hardcoded_tmp_directory Run::Str(b108_hardcoded_tmp_directory::check);
    "B110" "try_except_pass" Low High 703 ExceptHandler b110_try_except_pass Run::Node(b110_try_except_pass::check);
    "B112" "try_except_continue" Low High 703 ExceptHandler b112_try_except_continue Run::Node(b112_try_except_continue::check);
    "B113" "request_without_timeout" Medium Low 400 Call b113_request_without_timeout Run::Call(b113_request_without_timeout::check);
    "B201" "flask_debug_true" High Medium 94 Call b201_flask_debug_true Run::Call(b201_flask_debug_true::check);
    "B202" "tarfile_unsafe_members" High High 22 Call b202_tarfile_unsafe_members Run::Call(b202_tarfile_unsafe_members::check);
    "B301" "pickle" Medium High 502 BlacklistCall b301_pickle Run::Blacklist(&b301_pickle::BLACKLIST);
    "B302" "marshal" Medium High 502 BlacklistCall b302_marshal Run::Blacklist(&b302_marshal::BLACKLIST);
    "B303" "md5" Medium High 327 BlacklistCall b303_md5 Run::Blacklist(&b303_md5::BLACKLIST);
    "B304" "ciphers" High High 327 BlacklistCall b304_ciphers Run::Blacklist(&b304_ciphers::BLACKLIST);
    "B305" "cipher_modes" Medium High 327 BlacklistCall b305_cipher_modes Run::Blacklist(&b305_cipher_modes::BLACKLIST);
    "B306" "mktemp_q" Medium High 377 BlacklistCall b306_mktemp_q Run::Blacklist(&b306_mktemp_q::BLACKLIST);
    "B307" "eval" Medium High 78 BlacklistCall b307_eval Run::Blacklist(&b307_eval::BLACKLIST);
    "B308" "mark_safe" Medium High 79 BlacklistCall b308_mark_safe Run::Blacklist(&b308_mark_safe::BLACKLIST);
    "B310" "urllib_urlopen" Medium High 22 BlacklistCall b310_urllib_urlopen Run::Blacklist(&b310_urllib_urlopen::BLACKLIST);
    "B311" "random" Low High 330 BlacklistCall b311_random Run::Blacklist(&b311_random::BLACKLIST);
    "B312" "telnetlib" High High 319 BlacklistCall b312_telnetlib Run::Blacklist(&b312_telnetlib::BLACKLIST);
    "B313" "xml_bad_cElementTree" Medium High 20 BlacklistCall b313_xml_bad_celementtree Run::Blacklist(&b313_xml_bad_celementtree::BLACKLIST);
    "B314" "xml_bad_ElementTree" Medium High 20 BlacklistCall b314_xml_bad_elementtree Run::Blacklist(&b314_xml_bad_elementtree::BLACKLIST);
    "B315" "xml_bad_expatreader" Medium High 20 BlacklistCall b315_xml_bad_expatreader Run::Blacklist(&b315_xml_bad_expatreader::BLACKLIST);
    "B316" "xml_bad_expatbuilder" Medium High 20 BlacklistCall b316_xml_bad_expatbuilder Run::Blacklist(&b316_xml_bad_expatbuilder::BLACKLIST);
    "B317" "xml_bad_sax" Medium High 20 BlacklistCall b317_xml_bad_sax Run::Blacklist(&b317_xml_bad_sax::BLACKLIST);
    "B318" "xml_bad_minidom" Medium High 20 BlacklistCall b318_xml_bad_minidom Run::Blacklist(&b318_xml_bad_minidom::BLACKLIST);
    "B319" "xml_bad_pulldom" Medium High 20 BlacklistCall b319_xml_bad_pulldom Run::Blacklist(&b319_xml_bad_pulldom::BLACKLIST);
    "B321" "ftplib" High High 319 BlacklistCall b321_ftplib Run::Blacklist(&b321_ftplib::BLACKLIST);
    "B323" "unverified_context" Medium High 295 BlacklistCall b323_unverified_context Run::Blacklist(&b323_unverified_context::BLACKLIST);
    "B324" "hashlib" High High 327 Call b324_hashlib Run::Call(b324_hashlib::check);
    "B401" "import_telnetlib" High High 319 BlacklistImport b401_import_telnetlib Run::Blacklist(&b401_import_telnetlib::BLACKLIST);
    "B402" "import_ftplib" High High 319 BlacklistImport b402_import_ftplib Run::Blacklist(&b402_import_ftplib::BLACKLIST);
    "B403" "import_pickle" Low High 502 BlacklistImport b403_import_pickle Run::Blacklist(&b403_import_pickle::BLACKLIST);
    "B404" "import_subprocess" Low High 78 BlacklistImport b404_import_subprocess Run::Blacklist(&b404_import_subprocess::BLACKLIST);
    "B405" "import_xml_etree" Low High 20 BlacklistImport b405_import_xml_etree Run::Blacklist(&b405_import_xml_etree::BLACKLIST);
    "B406" "import_xml_sax" Low High 20 BlacklistImport b406_import_xml_sax Run::Blacklist(&b406_import_xml_sax::BLACKLIST);
    "B407" "import_xml_expat" Low High 20 BlacklistImport b407_import_xml_expat Run::Blacklist(&b407_import_xml_expat::BLACKLIST);
    "B408" "import_xml_minidom" Low High 20 BlacklistImport b408_import_xml_minidom Run::Blacklist(&b408_import_xml_minidom::BLACKLIST);
    "B409" "import_xml_pulldom" Low High 20 BlacklistImport b409_import_xml_pulldom Run::Blacklist(&b409_import_xml_pulldom::BLACKLIST);
    "B411" "import_xmlrpclib" High High 20 BlacklistImport b411_import_xmlrpclib Run::Blacklist(&b411_import_xmlrpclib::BLACKLIST);
    "B412" "import_httpoxy" High High 284 BlacklistImport b412_import_httpoxy Run::Blacklist(&b412_import_httpoxy::BLACKLIST);
    "B413" "import_pycrypto" High High 327 BlacklistImport b413_import_pycrypto Run::Blacklist(&b413_import_pycrypto::BLACKLIST);
    "B415" "import_pyghmi" High High 319 BlacklistImport b415_import_pyghmi Run::Blacklist(&b415_import_pyghmi::BLACKLIST);
    "B501" "request_with_no_cert_validation" High High 295 Call b501_request_with_no_cert_validation Run::Call(b501_request_with_no_cert_validation::check);
    "B502" "ssl_with_bad_version" High High 327 Call b502_ssl_with_bad_version Run::Call(b502_ssl_with_bad_version::check);
    "B503" "ssl_with_bad_defaults" Medium Medium 327 FunctionDef b503_ssl_with_bad_defaults Run::Node(b503_ssl_with_bad_defaults::check);
    "B504" "ssl_with_no_version" Low Medium 327 Call b504_ssl_with_no_version Run::Call(b504_ssl_with_no_version::check);
    "B505" "weak_cryptographic_key" High High 326 Call b505_weak_cryptographic_key Run::Call(b505_weak_cryptographic_key::check);
    "B506" "yaml_load" Medium High 20 Call b506_yaml_load Run::Call(b506_yaml_load::check);
    "B507" "ssh_no_host_key_verification" High Medium 295 Call b507_ssh_no_host_key_verification Run::Call(b507_ssh_no_host_key_verification::check);
    "B508" "snmp_insecure_version_check" Medium High 319 Call b508_snmp_insecure_version Run::Call(b508_snmp_insecure_version::check);
    "B509" "snmp_crypto_check" Medium High 319 Call b509_snmp_weak_cryptography Run::Call(b509_snmp_weak_cryptography::check);
    "B601" "paramiko_calls" Medium Medium 78 Call b601_paramiko_calls Run::Call(b601_paramiko_calls::check);
    "B602" "subprocess_popen_with_shell_equals_true" High High 78 Call b602_subprocess_popen_with_shell_equals_true Run::Call(b602_subprocess_popen_with_shell_equals_true::check);
    "B603" "subprocess_without_shell_equals_true" Low High 78 Call b603_subprocess_without_shell_equals_true Run::Call(b603_subprocess_without_shell_equals_true::check);
    "B604" "any_other_function_with_shell_equals_true" Medium Low 78 Call b604_any_other_function_with_shell_equals_true Run::Call(b604_any_other_function_with_shell_equals_true::check);
    "B605" "start_process_with_a_shell" High High 78 Call b605_start_process_with_a_shell Run::Call(b605_start_process_with_a_shell::check);
    "B606" "start_process_with_no_shell" Low Medium 78 Call b606_start_process_with_no_shell Run::Call(b606_start_process_with_no_shell::check);
    "B607" "start_process_with_partial_path" Low High 78 Call b607_start_process_with_partial_path Run::Call(b607_start_process_with_partial_path::check);
    "B608" "hardcoded_sql_expressions" Medium Medium 89 Str b608_hardcoded_sql_expressions Run::Str(b608_hardcoded_sql_expressions::check);
    "B609" "linux_commands_wildcard_injection" High Medium 155 Call b609_linux_commands_wildcard_injection Run::Call(b609_linux_commands_wildcard_injection::check);
    "B610" "django_extra_used" Medium Medium 89 Call b610_django_extra_used Run::Call(b610_django_extra_used::check);
    "B611" "django_rawsql_used" Medium Medium 89 Call b611_django_rawsql_used Run::Call(b611_django_rawsql_used::check);
    "B612" "logging_config_insecure_listen" Medium High 94 Call b612_logging_config_insecure_listen Run::Call(b612_logging_config_insecure_listen::check);
    "B613" "trojansource" High Medium 838 File b613_trojansource Run::File(b613_trojansource::check);
    "B614" "pytorch_load" Medium High 502 Call b614_pytorch_load Run::Call(b614_pytorch_load::check);
    "B615" "huggingface_unsafe_download" Medium High 494 Call b615_huggingface_unsafe_download Run::Call(b615_huggingface_unsafe_download::check);
    "B701" "jinja2_autoescape_false" High High 94 Call b701_jinja2_autoescape_false Run::Call(b701_jinja2_autoescape_false::check);
    "B702" "use_of_mako_templates" Medium High 80 Call b702_use_of_mako_templates Run::Call(b702_use_of_mako_templates::check);
    "B703" "django_mark_safe" Medium High 80 Call b703_django_mark_safe Run::Call(b703_django_mark_safe::check);
    "B704" "markupsafe_markup_xss" Medium High 79 Call b704_markupsafe_markup_xss Run::Call(b704_markupsafe_markup_xss::check);
}

/// Entry-point names bandit also accepts in `# nosec` where they differ from the test name.
const NOSEC_ALIASES: [(&str, &str); 3] = [
    ("hashlib_insecure_functions", "B324"),
    ("snmp_insecure_version", "B508"),
    ("snmp_weak_cryptography", "B509"),
];

/// A `# nosec` word (test id or test name) → the check id it names. `B001` names every blacklist.
pub fn lookup(word: &str) -> Option<&'static str> {
    if word == "B001" {
        return Some("B001");
    }
    CHECKS
        .iter()
        .find(|c| c.id == word || c.name == word)
        .map(|c| c.id)
        .or_else(|| {
            NOSEC_ALIASES
                .iter()
                .find(|(n, _)| *n == word)
                .map(|(_, id)| *id)
        })
}

/// The check with this id.
pub fn by_id(id: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| c.id == id)
}

/// bandit's `more_info` URL for a check.
pub fn more_info(c: &Check) -> String {
    let base = "https://bandit.readthedocs.io/en/1.9.4/";
    match c.on {
        On::BlacklistCall => {
            let (id, name) = match c.id {
                "B304" | "B305" => ("b304-b305".to_string(), "ciphers-and-modes".to_string()),
                "B313" | "B314" | "B315" | "B316" | "B317" | "B318" | "B319" => {
                    ("b313-b320".to_string(), c.name.replace('_', "-"))
                }
                _ => (c.id.to_string(), c.name.replace('_', "-")),
            };
            format!("{base}blacklists/blacklist_calls.html#{id}-{name}").to_lowercase()
        }
        On::BlacklistImport => format!(
            "{base}blacklists/blacklist_imports.html#{}-{}",
            c.id,
            c.name.replace('_', "-")
        )
        .to_lowercase(),
        _ => {
            let func = match c.id {
                "B508" => "snmp_insecure_version_check",
                "B509" => "snmp_crypto_check",
                _ => c.name,
            };
            format!("{base}plugins/{}_{func}.html", c.id.to_lowercase())
        }
    }
}

/// The catalogue entry for a check.
pub fn rule_info(c: &Check) -> RuleInfo {
    let short = c.doc.lines().next().unwrap_or(c.name).trim().to_string();
    let full = section(c.doc, "What it does").unwrap_or_else(|| short.clone());
    let mut references = vec![more_info(c)];
    if c.cwe != 0 {
        references.push(format!(
            "https://cwe.mitre.org/data/definitions/{}.html",
            c.cwe
        ));
    }
    RuleInfo {
        id: c.id.to_string(),
        name: c.name.to_string(),
        tool: super::TOOL.to_string(),
        short_description: short,
        full_description: full,
        help: c.doc.to_string(),
        severity: c.severity,
        confidence: c.confidence,
        cwe: (c.cwe != 0).then_some(c.cwe),
        tags: vec!["security".into(), "python".into()],
        references,
    }
}

/// The text of one `## Heading` section of a check's doc.
fn section(doc: &str, heading: &str) -> Option<String> {
    let start = doc.find(&format!("## {heading}"))?;
    let body = &doc[start..];
    let body = &body[body.find('\n')? + 1..];
    let end = body.find("\n## ").unwrap_or(body.len());
    Some(body[..end].trim().to_string())
}

/// bandit's B001 on a call: the name to look up (`__import__("x")`,
/// `importlib.import_module("x")`, or the qualified name) against every
/// enabled blacklist, first match wins.
pub fn blacklist_call(cx: &Cx<'_>, call: &Call<'_, '_>, list: &[usize]) -> Option<(usize, String)> {
    // A callee named `__import__` resolves to that qual name unless aliased:
    // only then is the callee itself looked at.
    let maybe_import = call.qual == "__import__" || cx.imports.aliases.contains_key("__import__");
    let func = maybe_import
        .then(|| {
            call.node
                .child_by_field_id(crate::python::tree::fields().function)
        })
        .flatten()
        .map(|f| unparen(cx.k, f));
    let owned: String;
    let name: &str =
        if func.is_some_and(|f| f.kind_id() == cx.k.identifier && cx.text(f) == "__import__") {
            match call.args.first() {
                Some(a) if is_str_constant(cx.k, cx.src, *a) => {
                    owned = call.arg_value(cx, 0).as_str()?.to_string();
                    &owned
                }
                Some(_) => "UNKNOWN",
                None => "",
            }
        } else if call.qual == "importlib.import_module" || call.qual == "importlib.__import__" {
            let v = if call.args.is_empty() {
                if !call.has_kw("name") {
                    return None;
                }
                call.kw_value(cx, "name")
            } else {
                call.arg_value(cx, 0)
            };
            match v {
                Lit::Str(s) => {
                    owned = s;
                    &owned
                }
                _ => return None,
            }
        } else {
            call.qual
        };
    let c = by_qualname(name)?
        .iter()
        .copied()
        .find(|c| list.contains(c))?;
    Some((c, name.to_string()))
}

/// Blacklist entries by exact qualified name, in id order.
fn by_qualname(name: &str) -> Option<&'static Vec<usize>> {
    type Map = std::collections::HashMap<&'static str, Vec<usize>, super::context::FxBuild>;
    static MAP: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = Map::default();
        for (i, c) in CHECKS.iter().enumerate() {
            if let Run::Blacklist(b) = c.run {
                for q in b.qualnames {
                    let v = m.entry(*q).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
        m
    })
    .get(name)
}

/// bandit's B001 on an import statement: (full name, name as written) pairs
/// matched by prefix, first blacklist in id order wins.
pub fn blacklist_import(names: &[(String, String)], list: &[usize]) -> Option<(usize, String)> {
    for &c in list {
        if let Run::Blacklist(b) = CHECKS[c].run {
            for (full, short) in names {
                if b.qualnames.iter().any(|q| full.starts_with(q)) {
                    return Some((c, short.clone()));
                }
            }
        }
    }
    None
}

/// Raise a blacklist issue: the entry's severity, HIGH confidence, message with `{name}`.
pub fn report_blacklist(c: usize, name: &str, hits: &mut Hits) {
    let check = &CHECKS[c];
    if let Run::Blacklist(b) = check.run {
        hits.add(
            check.severity,
            Confidence::High,
            b.message.replace("{name}", name),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_sorted_and_documented() {
        assert_eq!(CHECKS.len(), 75);
        for w in CHECKS.windows(2) {
            assert!(w[0].id < w[1].id, "{} before {}", w[0].id, w[1].id);
        }
        for c in CHECKS {
            for h in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
                "## References",
            ] {
                assert!(c.doc.contains(h), "{} doc lacks {h}", c.id);
            }
            if c.cwe != 0 {
                assert!(
                    c.doc.contains(&format!("CWE-{}", c.cwe)),
                    "{} doc lacks its CWE",
                    c.id
                );
            }
        }
    }

    #[test]
    fn more_info_matches_bandit() {
        assert_eq!(
            more_info(by_id("B602").unwrap()),
            "https://bandit.readthedocs.io/en/1.9.4/plugins/b602_subprocess_popen_with_shell_equals_true.html"
        );
        assert_eq!(
            more_info(by_id("B301").unwrap()),
            "https://bandit.readthedocs.io/en/1.9.4/blacklists/blacklist_calls.html#b301-pickle"
        );
        assert_eq!(
            more_info(by_id("B314").unwrap()),
            "https://bandit.readthedocs.io/en/1.9.4/blacklists/blacklist_calls.html#b313-b320-xml-bad-elementtree"
        );
        assert_eq!(
            more_info(by_id("B404").unwrap()),
            "https://bandit.readthedocs.io/en/1.9.4/blacklists/blacklist_imports.html#b404-import-subprocess"
        );
    }

    #[test]
    fn nosec_words_resolve_to_ids() {
        assert_eq!(lookup("B602"), Some("B602"));
        assert_eq!(lookup("assert_used"), Some("B101"));
        assert_eq!(lookup("pickle"), Some("B301"));
        assert_eq!(lookup("hashlib_insecure_functions"), Some("B324"));
        assert_eq!(lookup("b602"), None);
    }
}
