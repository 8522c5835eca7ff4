//! Node kinds, and the few tree questions the checks ask, answered the way
//! Python's `ast` would (parentheses are transparent, `x = y = 1` is one Assign).

use std::sync::OnceLock;

use tree_sitter::{Language, Node};

macro_rules! kinds {
    ($($field:ident = $name:literal),* $(,)?) => {
        /// Kind ids of the tree-sitter-python nodes gate looks at.
        #[derive(Debug)]
        pub struct Kinds { $(pub $field: u16,)* }

        impl Kinds {
            fn load(lang: &Language) -> Kinds {
                Kinds { $($field: lang.id_for_node_kind($name, true),)* }
            }
        }
    };
}

kinds! {
    module = "module",
    call = "call",
    argument_list = "argument_list",
    keyword_argument = "keyword_argument",
    list_splat = "list_splat",
    dictionary_splat = "dictionary_splat",
    parenthesized_expression = "parenthesized_expression",
    identifier = "identifier",
    attribute = "attribute",
    string = "string",
    string_start = "string_start",
    string_content = "string_content",
    string_end = "string_end",
    escape_sequence = "escape_sequence",
    interpolation = "interpolation",
    concatenated_string = "concatenated_string",
    integer = "integer",
    float = "float",
    true_ = "true",
    false_ = "false",
    none = "none",
    ellipsis = "ellipsis",
    list = "list",
    tuple = "tuple",
    set = "set",
    dictionary = "dictionary",
    pair = "pair",
    subscript = "subscript",
    comparison_operator = "comparison_operator",
    binary_operator = "binary_operator",
    boolean_operator = "boolean_operator",
    not_operator = "not_operator",
    conditional_expression = "conditional_expression",
    return_statement = "return_statement",
    decorator = "decorator",
    raise_statement = "raise_statement",
    global_statement = "global_statement",
    nonlocal_statement = "nonlocal_statement",
    delete_statement = "delete_statement",
    lambda = "lambda",
    if_clause = "if_clause",
    for_in_clause = "for_in_clause",
    slice = "slice",
    yield_ = "yield",
    await_ = "await",
    list_comprehension = "list_comprehension",
    set_comprehension = "set_comprehension",
    dictionary_comprehension = "dictionary_comprehension",
    expression_statement = "expression_statement",
    expression_list = "expression_list",
    pattern_list = "pattern_list",
    tuple_pattern = "tuple_pattern",
    list_pattern = "list_pattern",
    assignment = "assignment",
    augmented_assignment = "augmented_assignment",
    function_definition = "function_definition",
    class_definition = "class_definition",
    decorated_definition = "decorated_definition",
    parameters = "parameters",
    lambda_parameters = "lambda_parameters",
    default_parameter = "default_parameter",
    typed_default_parameter = "typed_default_parameter",
    typed_parameter = "typed_parameter",
    list_splat_pattern = "list_splat_pattern",
    dictionary_splat_pattern = "dictionary_splat_pattern",
    keyword_separator = "keyword_separator",
    positional_separator = "positional_separator",
    import_statement = "import_statement",
    import_from_statement = "import_from_statement",
    future_import_statement = "future_import_statement",
    aliased_import = "aliased_import",
    dotted_name = "dotted_name",
    relative_import = "relative_import",
    wildcard_import = "wildcard_import",
    except_clause = "except_clause",
    except_group_clause = "except_group_clause",
    block = "block",
    pass_statement = "pass_statement",
    continue_statement = "continue_statement",
    assert_statement = "assert_statement",
    comment = "comment",
    print_statement = "print_statement",
    exec_statement = "exec_statement",
    type_alias_statement = "type_alias_statement",
    type_parameter = "type_parameter",
    with_statement = "with_statement",
    with_clause = "with_clause",
    with_item = "with_item",
    as_pattern = "as_pattern",
    as_pattern_target = "as_pattern_target",
    if_statement = "if_statement",
    for_statement = "for_statement",
    while_statement = "while_statement",
    try_statement = "try_statement",
    else_clause = "else_clause",
    elif_clause = "elif_clause",
    finally_clause = "finally_clause",
    unary_operator = "unary_operator",
    format_specifier = "format_specifier",
    generator_expression = "generator_expression",
    chevron = "chevron",
    keyword_identifier = "keyword_identifier",
    match_statement = "match_statement",
    named_expression = "named_expression",
}

/// Field ids used on hot paths (looking fields up by name scans the name table).
#[derive(Debug)]
pub struct Fields {
    pub function: u16,
    pub arguments: u16,
    pub name: u16,
    pub value: u16,
    pub left: u16,
    pub right: u16,
    pub type_: u16,
    pub key: u16,
    pub object: u16,
    pub attribute: u16,
    pub alias: u16,
    pub body: u16,
    pub definition: u16,
    pub module_name: u16,
    pub operator: u16,
    pub parameters: u16,
    pub type_parameters: u16,
}

impl Fields {
    fn load(lang: &Language) -> Fields {
        let id = |n: &str| lang.field_id_for_name(n).map_or(0, |f| f.get());
        Fields {
            function: id("function"),
            arguments: id("arguments"),
            name: id("name"),
            value: id("value"),
            left: id("left"),
            right: id("right"),
            type_: id("type"),
            key: id("key"),
            object: id("object"),
            attribute: id("attribute"),
            alias: id("alias"),
            body: id("body"),
            definition: id("definition"),
            module_name: id("module_name"),
            operator: id("operator"),
            parameters: id("parameters"),
            type_parameters: id("type_parameters"),
        }
    }
}

/// The field ids, loaded once.
pub fn fields() -> &'static Fields {
    static FIELDS: OnceLock<Fields> = OnceLock::new();
    FIELDS.get_or_init(|| Fields::load(&language().0))
}

static KINDS: OnceLock<(Language, Kinds)> = OnceLock::new();

/// The Python language and its kind ids, loaded once.
pub fn language() -> &'static (Language, Kinds) {
    KINDS.get_or_init(|| {
        let lang: Language = tree_sitter_python::LANGUAGE.into();
        let kinds = Kinds::load(&lang);
        (lang, kinds)
    })
}

/// The source text of a node (empty when it is not valid UTF-8, which the engine rules out).
pub fn text<'a>(src: &'a [u8], n: Node<'_>) -> &'a str {
    std::str::from_utf8(&src[n.start_byte()..n.end_byte()]).unwrap_or("")
}

/// 1-based first line of a node.
pub fn line(n: Node<'_>) -> u32 {
    n.start_position().row as u32 + 1
}

/// 1-based last line of a node.
pub fn end_line(n: Node<'_>) -> u32 {
    let p = n.end_position();
    // A node ending with its newline ends on the line before.
    if p.column == 0 && p.row > n.start_position().row {
        p.row as u32
    } else {
        p.row as u32 + 1
    }
}

/// The expression inside any number of parentheses.
pub fn unparen<'t>(k: &Kinds, mut n: Node<'t>) -> Node<'t> {
    while n.kind_id() == k.parenthesized_expression {
        match n.named_child(0) {
            Some(c) if c.kind_id() != k.comment => n = c,
            _ => break,
        }
    }
    n
}

/// Named children that are not comments.
pub fn children<'t>(k: &Kinds, n: Node<'t>) -> impl Iterator<Item = Node<'t>> + use<'t> {
    let count = n.named_child_count();
    let comment = k.comment;
    (0..count)
        .filter_map(move |i| n.named_child(i as u32))
        .filter(move |c| c.kind_id() != comment)
}

/// Whether a node is a string literal (plain or implicitly concatenated).
pub fn is_string(k: &Kinds, n: Node<'_>) -> bool {
    n.kind_id() == k.string || n.kind_id() == k.concatenated_string
}

/// The exception type of an `except` clause (`except E as e` included), if any.
pub fn except_type<'t>(k: &Kinds, n: Node<'t>) -> Option<Node<'t>> {
    let v = n.child_by_field_id(crate::python::tree::fields().value)?;
    if v.kind_id() == k.as_pattern {
        return v.named_child(0).map(|c| unparen(k, c));
    }
    Some(unparen(k, v))
}
