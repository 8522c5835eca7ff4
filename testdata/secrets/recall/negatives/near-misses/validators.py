def parse_sk_live_key(value: str) -> bool:
GITHUB_PAT_RE = re.compile(r"ghp_[A-Za-z0-9]{36}")
if token.startswith("xoxb-") or token.startswith("xoxp-"):
assert not is_valid("AKIA" + "1234")
const looksLikeNpm = (t) => /^npm_[A-Za-z0-9]{36}$/.test(t);
# tokens start with glpat- followed by 20 characters
SECRET_PREFIXES = ("sk_live_", "rk_live_", "whsec_")
case strings.HasPrefix(tok, "dop_v1_"):
keyPattern: '^AIza[0-9A-Za-z_-]{35}$'
The key looks like `sk-ant-api03-...` and is shown once.
