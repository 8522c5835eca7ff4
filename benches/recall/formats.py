"""Credential formats for the recall corpus.

Every generator returns a freshly drawn random value in the credential's documented
shape (prefix, length, alphabet). Checksums are not computed: the values are random,
never live. Written from provider documentation of each token format; nothing here is
taken from another scanner's rules or test data.

Spec fields:
  ctx    provider word a developer would put in the variable name (used when the
         format has no distinctive prefix, and sometimes otherwise);
  gen    () -> value;
  forms  optional list of (file kind, line template with {v}) used instead of the
         generic renderings (for credentials that only occur in one shape);
  ctx_required  True when the value alone is not recognisable (unprefixed formats).
"""

import base64
import json
import random
import string
import uuid

R = random.Random(0x6A7E2026)

LO = string.ascii_lowercase
UP = string.ascii_uppercase
DG = string.digits
AN = LO + UP + DG
LAN = LO + DG
UAN = UP + DG
HX = "0123456789abcdef"
HXU = HX.upper()
B64 = AN + "+/"
B64U = AN + "-_"
B32U = UP + "234567"
BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def s(chars, n):
    """n random characters from chars, at least one digit and one letter when possible."""
    while True:
        v = "".join(R.choice(chars) for _ in range(n))
        if n < 8:
            return v
        has_digit = any(c in DG for c in v) or not any(c in DG for c in chars)
        has_alpha = any(c.isalpha() for c in v) or not any(c.isalpha() for c in chars)
        if has_digit and has_alpha:
            return v


def rb(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def uid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def b64(data, url=False, pad=True):
    out = base64.urlsafe_b64encode(data) if url else base64.b64encode(data)
    out = out.decode()
    return out if pad else out.rstrip("=")


def b64json(obj, url=True):
    return b64(json.dumps(obj, separators=(",", ":")).encode(), url=url, pad=False)


def digits(n):
    return str(R.randint(1, 9)) + s(DG, n - 1)


def jwt(claims=None, alg="HS256"):
    header = {"alg": alg, "typ": "JWT"}
    claims = claims or {
        "sub": uid(),
        "iat": R.randint(1_700_000_000, 1_760_000_000),
        "exp": R.randint(1_790_000_000, 1_900_000_000),
    }
    sig_len = 32 if alg.startswith("HS") else 256
    return f"{b64json(header)}.{b64json(claims)}.{b64(rb(sig_len), url=True, pad=False)}"


class T:
    def __init__(self, tid, ctx, gen, forms=None, ctx_required=False, names=None):
        self.id = tid
        self.ctx = ctx
        self.gen = gen
        self.forms = forms
        self.ctx_required = ctx_required
        self.names = names


def C(tid, ctx, gen, names=None, forms=None):
    """Context-bound (unprefixed) credential."""
    return T(tid, ctx, gen, forms=forms, ctx_required=True, names=names)


def P(tid, ctx, gen, names=None, forms=None):
    """Prefixed credential: recognisable on its own."""
    return T(tid, ctx, gen, forms=forms, ctx_required=False, names=names)


# ---------------------------------------------------------------- helpers for shapes


def onepassword_secret_key():
    al = "23456789ABCDEFGHJKLMNPQRSTVWXYZ"
    return "A3-" + "-".join(s(al, n) for n in (6, 6, 5, 5, 5, 5, 5))


def onepassword_sa_token():
    body = {
        "signInAddress": "my.1password.com",
        "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": b64(rb(16), url=True, pad=False)},
        "email": f"{s(LAN, 13)}@1passwordserviceaccounts.com",
        "srpX": rb(32).hex(),
        "muk": {"alg": "A256GCM", "ext": True, "k": b64(rb(32), url=True, pad=False), "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"},
        "secretKey": onepassword_secret_key(),
        "throttleSecret": {"seed": rb(32).hex(), "uuid": s(UAN, 26)},
        "deviceUuid": s(LAN, 26),
    }
    return "ops_" + b64json(body, url=False)


def bedrock_long():
    inner = f"BedrockAPIKey-{s(LAN, 4)}-at-{digits(12)}:{b64(rb(30))}"
    return "ABSK" + b64(inner.encode())


def bedrock_short():
    akid = "ASIA" + s(B32U, 16)
    url = (
        "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={akid}%2F20260301%2Fus-east-1%2Fbedrock%2Faws4_request"
        f"&X-Amz-Date=20260301T101500Z&X-Amz-Expires=43200&X-Amz-Security-Token={b64(rb(120)).replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')}"
        f"&X-Amz-Signature={rb(32).hex()}&X-Amz-SignedHeaders=host&Version=1"
    )
    return "bedrock-api-key-" + b64(url.encode())


def azure_client_secret():
    return s(AN, 3) + R.choice(DG) + "Q~" + s(AN + "_~.-", 34).replace("..", "a.")


def artifactory_ref():
    inner = f"reftkn:01:{digits(10)}:{s(AN, 27)}"
    return b64(inner.encode())


def authress():
    return f"sc_{s(LAN, 21)}.{s(LAN, 5)}.acc_{s(LAN, 16)}.MC4CAQAwBQYDK2VwBCIEI{b64(rb(32))[:43]}"


def discord_bot():
    return b64(digits(19).encode(), pad=False) + "." + s(B64U, 6) + "." + s(B64U, 38)


def grafana_key():
    return b64json({"k": s(AN, 32), "n": R.choice(["ci-deploy", "alerts-bot", "backup"]), "id": R.randint(1, 99)}, url=False)


def grafana_cloud():
    return "glc_" + b64json({"o": digits(6), "n": f"stack-{digits(6)}-hm-read", "k": s(AN, 24), "m": {"r": R.choice(["us", "eu", "prod-us-east-0"])}}, url=False)


def intercom_token():
    return b64(f"tok:{uid()}:1:".encode())


def jwt_b64():
    return b64(jwt().encode())


def pypi_token():
    raw = b"\x02\x01\x08pypi.org\x02\x24" + uid().encode() + b"\x00\x02\x2a[1,\"" + s(LAN, 8).encode() + b"\"]\x00\x06\x20" + rb(32)
    return "pypi-" + b64(raw, url=True, pad=False)


def sentry_org():
    claims = {"iat": round(R.uniform(1.7e9, 1.76e9), 6), "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": R.choice(["acme", "globex", "initech"])}
    return "sntrys_" + b64json(claims, url=False) + "_" + s(B64, 43)


def slack_config_access():
    return "xoxe.xoxp-1-" + s(AN, 164)


def telegram():
    return digits(10) + ":AA" + s(B64U, 33)


def yandex_iam():
    return "t1." + s(B64U, 30) + "." + s(B64U, 86)


def k8s_secret(lines_hint=None):
    pw = b64(s(AN + "!@#%", 20).encode())
    name = R.choice(["db-credentials", "api-secrets", "registry-auth", "smtp-creds"])
    key = R.choice(["password", "DB_PASSWORD", "api-token", "smtp_pass"])
    lines = [
        "apiVersion: v1",
        "kind: Secret",
        "metadata:",
        f"  name: {name}",
        f"  namespace: {R.choice(['prod', 'payments', 'default'])}",
        "type: Opaque",
        "data:",
        f"  username: {b64(R.choice(['svc-app', 'admin', 'deploy']).encode())}",
        f"  {key}: {pw}",
    ]
    return lines, 8, (1, 8)


def openssh_body():
    return b64(b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x003\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + rb(330))


def pem_block(label, der_prefix_b64, nbytes, headers=None):
    body = der_prefix_b64 + b64(rb(nbytes))
    body = body.rstrip("=")
    body += "=" * ((-len(body)) % 4)
    lines = [f"-----BEGIN {label}-----"]
    if headers:
        lines += headers + [""]
    lines += [body[i : i + 64] for i in range(0, len(body), 64)]
    lines.append(f"-----END {label}-----")
    return lines


def private_key_lines(kind):
    if kind == "rsa":
        return pem_block("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 1180)
    if kind == "pkcs8":
        return pem_block("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", 1180)
    if kind == "ec":
        return pem_block("EC PRIVATE KEY", "MHcCAQEEI", 112)
    if kind == "openssh":
        body = openssh_body()
        return ["-----BEGIN OPENSSH PRIVATE KEY-----"] + [body[i : i + 70] for i in range(0, len(body), 70)] + ["-----END OPENSSH PRIVATE KEY-----"]
    if kind == "encrypted":
        return pem_block("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 1260)
    if kind == "dsa":
        return pem_block("DSA PRIVATE KEY", "MIIBuwIBAAKBgQ", 420)
    if kind == "pgp":
        body = "lQVYBG" + b64(rb(900))
        return ["-----BEGIN PGP PRIVATE KEY BLOCK-----", ""] + [body[i : i + 64] for i in range(0, len(body), 64)] + ["=" + s(B64, 4), "-----END PGP PRIVATE KEY BLOCK-----"]
    if kind == "rsa-enc":
        return pem_block("RSA PRIVATE KEY", "", 1190, headers=["Proc-Type: 4,ENCRYPTED", f"DEK-Info: AES-128-CBC,{s(HXU, 32)}"])
    raise ValueError(kind)


def gcp_sa_json():
    key = "\\n".join(private_key_lines("pkcs8")) + "\\n"
    project = R.choice(["acme-prod", "billing-etl-42", "ml-training-7"])
    lines = [
        "{",
        '  "type": "service_account",',
        f'  "project_id": "{project}",',
        f'  "private_key_id": "{rb(20).hex()}",',
        f'  "private_key": "{key}",',
        f'  "client_email": "deployer@{project}.iam.gserviceaccount.com",',
        f'  "client_id": "{digits(21)}",',
        '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
        '  "token_uri": "https://oauth2.googleapis.com/token"',
        "}",
    ]
    return lines, 4, (0, 9)


def gcp_adc_json():
    lines = [
        "{",
        f'  "client_id": "{digits(12)}-{s(LAN, 32)}.apps.googleusercontent.com",',
        f'  "client_secret": "GOCSPX-{s(B64U, 28)}",',
        '  "quota_project_id": "acme-analytics",',
        f'  "refresh_token": "1//0{s(B64U, 99)}",',
        '  "type": "authorized_user"',
        "}",
    ]
    return lines, 4, (0, 6)


def aws_session():
    return "IQoJb3JpZ2luX2Vj" + s(B64, 740) + "=="


def salesforce():
    return "00D" + s(AN, 12) + "!" + s(AN, 4) + "." + s(AN + "._", 90)


def tableau():
    return b64(rb(16)) + ":" + s(AN, 32)


def zoho_token():
    return f"1000.{s(HX, 32)}.{s(HX, 32)}"


def mercury():
    return f"secret-token:mercury_production_{R.choice(['rma', 'wma'])}_{s(B58, 44)}_yrucrem"


def paddle():
    return f"pdl_live_apikey_{s('0123456789abcdefghjkmnpqrstvwxyz', 26)}_{s(AN, 22)}_{s(AN, 3)}"


def ebay_id():
    return f"{R.choice(['Acme', 'Jdoe', 'Shopco'])}-{R.choice(['Listing', 'SyncApp', 'Orders'])}-PRD-{s(HX, 9)}-{s(HX, 8)}"


def ebay_secret():
    return f"PRD-{s(HX, 12)}-{s(HX, 4)}-{s(HX, 4)}-{s(HX, 4)}-{s(HX, 4)}"


def teams_webhook():
    return f"https://{R.choice(['acme', 'contoso', 'globex'])}.webhook.office.com/webhookb2/{uid()}@{uid()}/IncomingWebhook/{s(HX, 32)}/{uid()}"


def slack_webhook():
    return f"https://hooks.slack.com/services/T{s(UAN, 10)}/B{s(UAN, 10)}/{s(AN, 24)}"


def miro_token():
    return "eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_" + s(B64U, 27)


def airtable_oauth():
    payload = b64json({"userId": "usr" + s(AN, 14), "expiresAt": "2026-06-01T10:00:00.000Z", "oAuthApplicationId": "oap" + s(AN, 14), "secret": s(HX, 32)}, url=True)
    return f"oaa{s(AN, 14)}.v1.{payload}.{s(HX, 64)}"


def asaas():
    inner = f"{s(HX, 32)}::{uid()}::$aach_{uid()}"
    return "$aact_prod_000" + b64(inner.encode())


def alibaba_sts_token():
    return "CAIS" + s(B64, 380) + "=="


def gc_notify():
    return f"gcntfy-{R.choice(['ci', 'prod-sender', 'alerts'])}-{uid()}-{uid()}"


def slack_cookie():
    raw = "xoxd-" + s(B64, 150)
    return "d=" + raw.replace("+", "%2B").replace("/", "%2F") + "%3D%3D"


def swarm_join():
    return f"SWMTKN-1-{s(LAN, 50)}-{s(LAN, 25)}"


def mongodb_uri():
    return f"mongodb+srv://app:{s(AN, 16)}@cluster0.{s(LAN, 5)}.mongodb.net/prod"


AWS_PREFIXES = iter(["AKIA", "ASIA", "AKIA", "ABIA"])  # long-term key, STS session key, ...


def pk(kind):
    return lambda: ("PEM", kind)


# ---------------------------------------------------------------- gitleaks 8.30 default types

GITLEAKS = [
    P("1password-secret-key", "op", onepassword_secret_key, names=["OP_SECRET_KEY", "account_secret"]),
    P("1password-service-account-token", "op", onepassword_sa_token, names=["OP_SERVICE_ACCOUNT_TOKEN", "opServiceAccount"]),
    C("adafruit-api-key", "adafruit", lambda: R.choice([s(HX, 32), "aio_" + s(AN, 28)]), names=["ADAFRUIT_IO_KEY", "adafruit_aio_key"]),
    C("adobe-client-id", "adobe", lambda: s(HX, 32), names=["ADOBE_CLIENT_ID", "adobeClientId"]),
    P("adobe-client-secret", "adobe", lambda: "p8e-" + s(AN, 32), names=["ADOBE_CLIENT_SECRET", "ims_secret"]),
    P("age-secret-key", "age", lambda: "AGE-SECRET-KEY-1" + s(BECH.upper(), 58)),
    C("airtable-api-key", "airtable", lambda: "key" + s(AN, 14), names=["AIRTABLE_API_KEY", "airtable_key"]),
    P("airtable-personnal-access-token", "airtable", lambda: "pat" + s(AN, 14) + "." + s(HX, 64)),
    C("algolia-api-key", "algolia", lambda: s(HX, 32), names=["ALGOLIA_ADMIN_KEY", "algoliaWriteKey"]),
    P("alibaba-access-key-id", "alibaba", lambda: "LTAI5t" + s(AN, 18), names=["ALIBABA_CLOUD_ACCESS_KEY_ID", "aliyun_ak"]),
    C("alibaba-secret-key", "alibaba", lambda: s(AN, 30), names=["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "alibaba_secret"]),
    P("anthropic-admin-api-key", "anthropic", lambda: "sk-ant-admin01-" + s(B64U, 93) + "AA"),
    P("anthropic-api-key", "anthropic", lambda: "sk-ant-api03-" + s(B64U, 93) + "AA"),
    P("artifactory-api-key", "artifactory", lambda: "AKCp" + R.choice("5678") + s(AN, 68)),
    P("artifactory-reference-token", "artifactory", artifactory_ref),
    C("asana-client-id", "asana", lambda: digits(16), names=["ASANA_CLIENT_ID", "asanaClientId"]),
    C("asana-client-secret", "asana", lambda: s(LAN, 32), names=["ASANA_CLIENT_SECRET", "asana_secret"]),
    P("atlassian-api-token", "atlassian", lambda: "ATATT3xFfGF0" + s(B64U, 171) + "=" + s(HXU, 8)),
    P("authress-service-client-access-key", "authress", authress),
    P("aws-access-token", "aws", lambda: next(AWS_PREFIXES) + s(B32U, 16), names=["AWS_ACCESS_KEY_ID", "aws_access_key_id"]),
    P("aws-amazon-bedrock-api-key-long-lived", "bedrock", bedrock_long, names=["AWS_BEARER_TOKEN_BEDROCK", "bedrockKey"]),
    P("aws-amazon-bedrock-api-key-short-lived", "bedrock", bedrock_short, names=["AWS_BEARER_TOKEN_BEDROCK", "bedrock_bearer"]),
    C("azure-ad-client-secret", "azure", azure_client_secret, names=["AZURE_CLIENT_SECRET", "aad_client_secret"]),
    C("beamer-api-token", "beamer", lambda: "b_" + s(B64U, 44), names=["BEAMER_API_KEY", "beamer_token"]),
    C("bitbucket-client-id", "bitbucket", lambda: s(AN, 32), names=["BITBUCKET_CLIENT_ID", "bitbucket_oauth_key"]),
    C("bitbucket-client-secret", "bitbucket", lambda: s(B64U, 64), names=["BITBUCKET_CLIENT_SECRET", "bitbucketSecret"]),
    C("bittrex-access-key", "bittrex", lambda: s(LAN, 32), names=["BITTREX_API_KEY", "bittrex_access_key"]),
    C("bittrex-secret-key", "bittrex", lambda: s(LAN, 32), names=["BITTREX_API_SECRET", "bittrex_secret_key"]),
    C("cisco-meraki-api-key", "meraki", lambda: s(HX, 40), names=["MERAKI_DASHBOARD_API_KEY", "meraki_api_key"]),
    P("clickhouse-cloud-api-secret-key", "clickhouse", lambda: "4b1d" + s(AN, 38), names=["CLICKHOUSE_KEY_SECRET", "clickhouse_secret"]),
    P("clojars-api-token", "clojars", lambda: "CLOJARS_" + s(LAN, 60)),
    C("cloudflare-api-key", "cloudflare", lambda: s(B64U, 40), names=["CLOUDFLARE_API_TOKEN", "cloudflare_token"]),
    C("cloudflare-global-api-key", "cloudflare", lambda: s(HX, 37), names=["CLOUDFLARE_API_KEY", "cloudflare_global_key"]),
    P("cloudflare-origin-ca-key", "cloudflare", lambda: "v1.0-" + s(HX, 24) + "-" + s(HX, 146), names=["CF_ORIGIN_CA_KEY", "origin_ca_key"]),
    C("codecov-access-token", "codecov", lambda: R.choice([s(HX, 32), uid()]), names=["CODECOV_TOKEN", "codecov_token"]),
    C("cohere-api-token", "cohere", lambda: s(AN, 40), names=["COHERE_API_KEY", "co_api_key_cohere"]),
    C("coinbase-access-token", "coinbase", lambda: s(B64U, 64), names=["COINBASE_ACCESS_TOKEN", "coinbase_token"]),
    C("confluent-access-token", "confluent", lambda: s(UAN, 16), names=["CONFLUENT_CLOUD_API_KEY", "confluent_api_key"]),
    C("confluent-secret-key", "confluent", lambda: s(B64, 64), names=["CONFLUENT_CLOUD_API_SECRET", "confluent_secret"]),
    C("contentful-delivery-api-token", "contentful", lambda: s(B64U, 43), names=["CONTENTFUL_DELIVERY_TOKEN", "contentfulAccessToken"]),
    P("curl-auth-header", "curl", lambda: R.choice(["sk_" + s(AN, 40), s(B64U, 48), jwt()]),
      forms=[("sh", 'curl -sS -H "Authorization: Bearer {v}" https://api.internal.acme.io/v2/reports'),
             ("md", "curl -X POST https://billing.acme.dev/api/charges -H 'X-API-Key: {v}' -d amount=100")]),
    P("curl-auth-user", "curl", lambda: s(AN, 18),
      forms=[("sh", "curl -u deploy:{v} https://artifacts.acme.io/repository/releases/app.tar.gz -o app.tar.gz"),
             ("md", 'curl --user "admin:{v}" -X PUT https://es.acme.internal:9200/_snapshot/backups')]),
    P("databricks-api-token", "databricks", lambda: "dapi" + s(HX, 32) + R.choice(["", "-2", "-3"]), names=["DATABRICKS_TOKEN", "dbx_pat"]),
    C("datadog-access-token", "datadog", lambda: s(LAN, 40), names=["DATADOG_ACCESS_TOKEN", "datadog_app_token"]),
    P("defined-networking-api-token", "dnkey", lambda: "dnkey-" + s(AN, 26) + "-" + s(AN, 52), names=["DN_API_KEY", "defined_net"]),
    P("digitalocean-access-token", "digitalocean", lambda: "doo_v1_" + s(HX, 64)),
    P("digitalocean-pat", "digitalocean", lambda: "dop_v1_" + s(HX, 64)),
    P("digitalocean-refresh-token", "digitalocean", lambda: "dor_v1_" + s(HX, 64)),
    C("discord-api-token", "discord", lambda: R.choice([s(HX, 64), discord_bot()]), names=["DISCORD_BOT_TOKEN", "discord_token"]),
    C("discord-client-id", "discord", lambda: digits(18), names=["DISCORD_CLIENT_ID", "discordClientId"]),
    C("discord-client-secret", "discord", lambda: s(B64U, 32), names=["DISCORD_CLIENT_SECRET", "discord_secret"]),
    P("doppler-api-token", "doppler", lambda: "dp." + R.choice(["pt", "st", "sa", "ct"]) + "." + s(AN, 43)),
    C("droneci-access-token", "drone", lambda: s(AN, 32), names=["DRONE_TOKEN", "drone_access_token"]),
    C("dropbox-api-token", "dropbox", lambda: s(LAN, 15), names=["DROPBOX_APP_SECRET", "dropbox_api_secret"]),
    C("dropbox-long-lived-api-token", "dropbox", lambda: s(AN, 11) + "AAAAAAAAAA" + s(B64U, 43), names=["DROPBOX_ACCESS_TOKEN", "dropbox_token"]),
    P("dropbox-short-lived-api-token", "dropbox", lambda: "sl." + s(B64U, 135), names=["DROPBOX_TOKEN", "dbx_session"]),
    P("duffel-api-token", "duffel", lambda: R.choice(["duffel_test_", "duffel_live_"]) + s(B64U, 43)),
    P("dynatrace-api-token", "dynatrace", lambda: "dt0c01." + s(UAN, 24) + "." + s(UAN, 64)),
    P("easypost-api-token", "easypost", lambda: "EZAK" + s(AN, 54)),
    P("easypost-test-api-token", "easypost", lambda: "EZTK" + s(AN, 54)),
    C("etsy-access-token", "etsy", lambda: s(LAN, 24), names=["ETSY_API_KEY", "etsy_keystring"]),
    C("facebook-access-token", "facebook", lambda: digits(15) + "|" + s(B64U, 27), names=["FACEBOOK_APP_TOKEN", "fb_app_access_token"]),
    P("facebook-page-access-token", "facebook", lambda: R.choice(["EAAM", "EAAC"]) + s(AN, 160), names=["FB_PAGE_TOKEN", "page_access"]),
    C("facebook-secret", "facebook", lambda: s(HX, 32), names=["FACEBOOK_APP_SECRET", "facebook_secret"]),
    C("fastly-api-token", "fastly", lambda: s(B64U, 32), names=["FASTLY_API_TOKEN", "fastly_key"]),
    C("finicity-api-token", "finicity", lambda: s(HX, 32), names=["FINICITY_APP_KEY", "finicity_token"]),
    C("finicity-client-secret", "finicity", lambda: s(AN, 20), names=["FINICITY_PARTNER_SECRET", "finicity_secret"]),
    C("finnhub-access-token", "finnhub", lambda: s(LAN, 20), names=["FINNHUB_API_KEY", "finnhub_token"]),
    C("flickr-access-token", "flickr", lambda: s(AN, 32), names=["FLICKR_API_KEY", "flickr_token"]),
    P("flutterwave-encryption-key", "flutterwave", lambda: "FLWSECK_TEST" + s(HX, 12), names=["FLW_ENCRYPTION_KEY", "flw_enc"]),
    P("flutterwave-public-key", "flutterwave", lambda: "FLWPUBK_TEST-" + s(HX, 32) + "-X", names=["FLW_PUBLIC_KEY", "flwPublic"]),
    P("flutterwave-secret-key", "flutterwave", lambda: "FLWSECK_TEST-" + s(HX, 32) + "-X", names=["FLW_SECRET_KEY", "flw_secret"]),
    P("flyio-access-token", "fly", lambda: R.choice(["fo1_" + s(B64U, 43), "FlyV1 fm2_" + s(B64, 300)]), names=["FLY_API_TOKEN", "fly_token"]),
    P("frameio-api-token", "frameio", lambda: "fio-u-" + s(B64U, 64)),
    P("freemius-secret-key", "freemius", lambda: "sk_" + s(AN + "+=_-", 29).replace("+=", "+a"),
      forms=[("php", "            'secret_key'       => '{v}',"), ("php", "        'secret_key' => \"{v}\",")]),
    C("freshbooks-access-token", "freshbooks", lambda: s(LAN, 64), names=["FRESHBOOKS_ACCESS_TOKEN", "freshbooks_token"]),
    P("gcp-api-key", "google", lambda: "AIza" + s(B64U, 35), names=["GOOGLE_MAPS_KEY", "firebaseApi"]),
    P("generic-api-key", "app", lambda: s(AN, 32),
      forms=[("py", 'API_KEY = "{v}"'), ("yaml", "  api_secret: {v}"), ("env", "SERVICE_PASSWORD={v}"), ("json", '    "access_token": "{v}",'),
             ("properties", "service.auth.secret={v}"), ("js", "const clientSecret = '{v}';")]),
    P("github-app-token", "github", lambda: R.choice(["ghu_", "ghs_"]) + s(AN, 36)),
    P("github-fine-grained-pat", "github", lambda: "github_pat_" + s(AN, 22) + "_" + s(AN, 59)),
    P("github-oauth", "github", lambda: "gho_" + s(AN, 36)),
    P("github-pat", "github", lambda: "ghp_" + s(AN, 36)),
    P("github-refresh-token", "github", lambda: "ghr_" + s(AN, 36)),
    P("gitlab-cicd-job-token", "gitlab", lambda: "glcbt-" + R.choice(["64_", "1_", "100_"]) + s(B64U, 20)),
    P("gitlab-deploy-token", "gitlab", lambda: "gldt-" + s(B64U, 20)),
    P("gitlab-feature-flag-client-token", "gitlab", lambda: "glffct-" + s(B64U, 20)),
    P("gitlab-feed-token", "gitlab", lambda: "glft-" + s(B64U, 20)),
    P("gitlab-incoming-mail-token", "gitlab", lambda: "glimt-" + s(LAN, 25)),
    P("gitlab-kubernetes-agent-token", "gitlab", lambda: "glagent-" + s(B64U, 50)),
    P("gitlab-oauth-app-secret", "gitlab", lambda: "gloas-" + s(B64U, 64)),
    P("gitlab-pat", "gitlab", lambda: "glpat-" + s(B64U, 20)),
    P("gitlab-pat-routable", "gitlab", lambda: "glpat-" + s(B64U, 36) + "." + "01" + s(LAN, 7)),
    P("gitlab-ptt", "gitlab", lambda: "glptt-" + s(HX, 40)),
    P("gitlab-rrt", "gitlab", lambda: "GR1348941" + s(B64U, 20)),
    P("gitlab-runner-authentication-token", "gitlab", lambda: "glrt-" + s(B64U, 20)),
    P("gitlab-runner-authentication-token-routable", "gitlab", lambda: "glrt-t" + R.choice("123") + "_" + s(B64U, 27) + "." + "01" + s(LAN, 7)),
    P("gitlab-scim-token", "gitlab", lambda: "glsoat-" + s(B64U, 20)),
    P("gitlab-session-cookie", "gitlab", lambda: s(HX, 32),
      forms=[("sh", 'curl -s -b "_gitlab_session={v}" https://gitlab.acme.io/api/v4/projects'),
             ("md", "Cookie: _gitlab_session={v}; event_filter=all")]),
    C("gitter-access-token", "gitter", lambda: s(HX, 40), names=["GITTER_TOKEN", "gitter_access_token"]),
    C("gocardless-api-token", "gocardless", lambda: "live_" + s(B64U, 40), names=["GOCARDLESS_ACCESS_TOKEN", "gocardless_token"]),
    P("grafana-api-key", "grafana", grafana_key, names=["GRAFANA_API_KEY", "grafana_auth"]),
    P("grafana-cloud-api-token", "grafana", grafana_cloud),
    P("grafana-service-account-token", "grafana", lambda: "glsa_" + s(AN, 32) + "_" + s(HX, 8)),
    P("harness-api-key", "harness", lambda: R.choice(["pat.", "sat."]) + s(B64U, 22) + "." + s(HX, 24) + "." + s(AN, 20)),
    P("hashicorp-tf-api-token", "terraform", lambda: s(AN, 14) + ".atlasv1." + s(B64U, 67), names=["TFE_TOKEN", "tfc_token"]),
    P("hashicorp-tf-password", "terraform", lambda: s(AN, 20),
      forms=[("tfres", '  administrator_login_password = "{v}"'), ("tfres", '  password            = "{v}"')]),
    C("heroku-api-key", "heroku", uid, names=["HEROKU_API_KEY", "heroku_key"]),
    P("heroku-api-key-v2", "heroku", lambda: "HRKU-AA" + s(B64U, 58)),
    C("hubspot-api-key", "hubspot", uid, names=["HUBSPOT_API_KEY", "hubspot_hapikey"]),
    P("huggingface-access-token", "huggingface", lambda: "hf_" + s(LO + UP, 34)),
    P("huggingface-organization-api-token", "huggingface", lambda: "api_org_" + s(LO + UP, 34)),
    P("infracost-api-token", "infracost", lambda: "ico-" + s(AN, 32)),
    C("intercom-api-key", "intercom", intercom_token, names=["INTERCOM_ACCESS_TOKEN", "intercom_token"]),
    P("intra42-client-secret", "intra42", lambda: R.choice(["s-s4t2ud-", "s-s4t2af-"]) + s(HX, 64), names=["FT_SECRET", "intra_secret"]),
    C("jfrog-api-key", "jfrog", lambda: "AKCp" + s(AN, 69), names=["JFROG_API_KEY", "jfrog_apikey"]),
    C("jfrog-identity-token", "jfrog", lambda: s(AN, 64), names=["JFROG_ACCESS_TOKEN", "jfrog_identity_token"]),
    P("jwt", "jwt", lambda: jwt(), names=["id_token", "SESSION_JWT"]),
    P("jwt-base64", "jwt", jwt_b64, names=["encoded_jwt", "JWT_B64"]),
    C("kraken-access-token", "kraken", lambda: b64(rb(64)), names=["KRAKEN_API_SECRET", "kraken_private_key"]),
    P("kubernetes-secret-yaml", "k8s", lambda: "K8S"),
    C("kucoin-access-token", "kucoin", lambda: s(HX, 24), names=["KUCOIN_API_KEY", "kucoin_key"]),
    C("kucoin-secret-key", "kucoin", uid, names=["KUCOIN_API_SECRET", "kucoin_secret"]),
    C("launchdarkly-access-token", "launchdarkly", lambda: R.choice(["api-", "sdk-"]) + uid(), names=["LAUNCHDARKLY_ACCESS_TOKEN", "launchdarkly_sdk_key"]),
    P("linear-api-key", "linear", lambda: "lin_api_" + s(AN, 40)),
    C("linear-client-secret", "linear", lambda: s(HX, 32), names=["LINEAR_CLIENT_SECRET", "linear_oauth_secret"]),
    C("linkedin-client-id", "linkedin", lambda: s(LAN, 14), names=["LINKEDIN_CLIENT_ID", "linkedin_client_id"]),
    C("linkedin-client-secret", "linkedin", lambda: s(AN, 16), names=["LINKEDIN_CLIENT_SECRET", "linkedin_secret"]),
    C("lob-api-key", "lob", lambda: R.choice(["live_", "test_"]) + s(HX, 35), names=["LOB_API_KEY", "lob_key"]),
    C("lob-pub-api-key", "lob", lambda: R.choice(["live_pub_", "test_pub_"]) + s(HX, 31), names=["LOB_PUBLISHABLE_KEY", "lob_pub_key"]),
    C("looker-client-id", "looker", lambda: s(AN, 20), names=["LOOKERSDK_CLIENT_ID", "looker_client_id"]),
    C("looker-client-secret", "looker", lambda: s(AN, 24), names=["LOOKERSDK_CLIENT_SECRET", "looker_client_secret"]),
    C("mailchimp-api-key", "mailchimp", lambda: s(HX, 32) + "-us" + str(R.randint(1, 21)), names=["MAILCHIMP_API_KEY", "mailchimp_key"]),
    C("mailgun-private-api-token", "mailgun", lambda: "key-" + s(HX, 32), names=["MAILGUN_API_KEY", "mailgun_private_key"]),
    C("mailgun-pub-key", "mailgun", lambda: "pubkey-" + s(HX, 32), names=["MAILGUN_PUBLIC_KEY", "mailgun_pubkey"]),
    C("mailgun-signing-key", "mailgun", lambda: s(HX, 32) + "-" + s(HX, 8) + "-" + s(HX, 8), names=["MAILGUN_WEBHOOK_SIGNING_KEY", "mailgun_signing_key"]),
    P("mapbox-api-token", "mapbox", lambda: R.choice(["pk.", "sk."]) + "eyJ1Ijoi" + s(AN, 52) + "." + s(B64U, 22), names=["MAPBOX_ACCESS_TOKEN", "mapboxgl_token"]),
    C("mattermost-access-token", "mattermost", lambda: s(LAN, 26), names=["MATTERMOST_TOKEN", "mattermost_access_token"]),
    P("maxmind-license-key", "maxmind", lambda: s(AN, 6) + "_" + s(AN, 29) + "_mmk", names=["MAXMIND_LICENSE_KEY", "geoip_license"]),
    C("messagebird-api-token", "messagebird", lambda: s(AN, 25), names=["MESSAGEBIRD_API_KEY", "messagebird_token"]),
    C("messagebird-client-id", "messagebird", uid, names=["MESSAGEBIRD_CLIENT_ID", "messagebird_client_id"]),
    P("microsoft-teams-webhook", "teams", teams_webhook, names=["TEAMS_WEBHOOK_URL", "alerts_channel"]),
    C("netlify-access-token", "netlify", lambda: s(B64U, 43), names=["NETLIFY_AUTH_TOKEN", "netlify_token"]),
    P("new-relic-browser-api-token", "newrelic", lambda: "NRJS-" + s(HX, 19)),
    P("new-relic-insert-key", "newrelic", lambda: "NRII-" + s(B64U, 32)),
    C("new-relic-user-api-id", "newrelic", lambda: s(UAN, 64), names=["NEW_RELIC_USER_API_ID", "newrelic_api_id"]),
    P("new-relic-user-api-key", "newrelic", lambda: "NRAK-" + s(UAN, 27)),
    P("notion-api-token", "notion", lambda: "ntn_" + digits(11) + s(AN, 35)),
    P("npm-access-token", "npm", lambda: "npm_" + s(AN, 36),
      forms=[("npmrc", "//registry.npmjs.org/:_authToken={v}"), ("yaml", "      NODE_AUTH_TOKEN: {v}")]),
    P("nuget-config-password", "nuget", lambda: s(AN + "!#%", 18),
      forms=[("xml", '      <add key="ClearTextPassword" value="{v}" />'), ("xml", '      <add key="ClearTextPassword" value="{v}" />')]),
    C("nytimes-access-token", "nytimes", lambda: s(B64U, 32), names=["NYTIMES_API_KEY", "nytimes_token"]),
    P("octopus-deploy-api-key", "octopus", lambda: "API-" + s(UAN, 26)),
    C("okta-access-token", "okta", lambda: "00" + s(B64U, 40), names=["OKTA_API_TOKEN", "okta_ssws"]),
    P("openai-api-key", "openai", lambda: R.choice(["sk-proj-", "sk-svcacct-", "sk-admin-"]) + s(B64U, 74) + "T3BlbkFJ" + s(B64U, 74)),
    P("openshift-user-token", "openshift", lambda: "sha256~" + s(B64U, 43)),
    P("perplexity-api-key", "perplexity", lambda: "pplx-" + s(AN, 48)),
    P("plaid-api-token", "plaid", lambda: R.choice(["access-sandbox-", "access-production-", "access-development-"]) + uid()),
    C("plaid-client-id", "plaid", lambda: s(HX, 24), names=["PLAID_CLIENT_ID", "plaid_client_id"]),
    C("plaid-secret-key", "plaid", lambda: s(HX, 30), names=["PLAID_SECRET", "plaid_secret_key"]),
    P("planetscale-api-token", "planetscale", lambda: "pscale_tkn_" + s(B64U, 43)),
    P("planetscale-oauth-token", "planetscale", lambda: "pscale_oauth_" + s(B64U, 43)),
    P("planetscale-password", "planetscale", lambda: "pscale_pw_" + s(B64U, 43)),
    P("postman-api-token", "postman", lambda: "PMAK-" + s(HX, 24) + "-" + s(HX, 34)),
    P("prefect-api-token", "prefect", lambda: "pnu_" + s(AN, 36)),
    P("private-key", "pem", lambda: "PEM"),
    C("privateai-api-token", "privateai", lambda: s(AN, 32), names=["PRIVATEAI_API_KEY", "private_ai_key"]),
    P("pulumi-api-token", "pulumi", lambda: "pul-" + s(HX, 40)),
    P("pypi-upload-token", "pypi", pypi_token,
      forms=[("pypirc", "password = {v}"), ("yaml", "          password: {v}")]),
    C("rapidapi-access-token", "rapidapi", lambda: s(B64U, 50), names=["X_RAPIDAPI_KEY", "rapidapi_key"]),
    P("readme-api-token", "readme", lambda: "rdme_" + s(LAN, 70)),
    P("rubygems-api-token", "rubygems", lambda: "rubygems_" + s(HX, 48)),
    P("scalingo-api-token", "scalingo", lambda: "tk-us-" + s(B64U, 48)),
    C("sendbird-access-id", "sendbird", uid, names=["SENDBIRD_APP_ID", "sendbird_app_id"]),
    C("sendbird-access-token", "sendbird", lambda: s(HX, 40), names=["SENDBIRD_API_TOKEN", "sendbird_token"]),
    P("sendgrid-api-token", "sendgrid", lambda: "SG." + s(B64U, 22) + "." + s(B64U, 43)),
    P("sendinblue-api-token", "brevo", lambda: "xkeysib-" + s(HX, 64) + "-" + s(AN, 16)),
    C("sentry-access-token", "sentry", lambda: s(HX, 64), names=["SENTRY_AUTH_TOKEN", "sentry_token"]),
    P("sentry-org-token", "sentry", sentry_org),
    P("sentry-user-token", "sentry", lambda: "sntryu_" + s(HX, 64)),
    P("settlemint-application-access-token", "settlemint", lambda: "sm_aat_" + s(AN, 16)),
    P("settlemint-personal-access-token", "settlemint", lambda: "sm_pat_" + s(AN, 16)),
    P("settlemint-service-access-token", "settlemint", lambda: "sm_sat_" + s(AN, 16)),
    P("shippo-api-token", "shippo", lambda: R.choice(["shippo_live_", "shippo_test_"]) + s(HX, 40)),
    P("shopify-access-token", "shopify", lambda: "shpat_" + s(HX, 32)),
    P("shopify-custom-access-token", "shopify", lambda: "shpca_" + s(HX, 32)),
    P("shopify-private-app-access-token", "shopify", lambda: "shppa_" + s(HX, 32)),
    P("shopify-shared-secret", "shopify", lambda: "shpss_" + s(HX, 32)),
    P("sidekiq-secret", "sidekiq", lambda: s(HX, 8) + ":" + s(HX, 8),
      forms=[("env", "BUNDLE_ENTERPRISE__CONTRIBSYS__COM={v}"), ("sh", 'bundle config --local enterprise.contribsys.com "{v}"')]),
    P("sidekiq-sensitive-url", "sidekiq", lambda: s(HX, 8) + ":" + s(HX, 8),
      forms=[("gemfile", 'source "https://{v}@enterprise.contribsys.com/" do'), ("sh", "gem sources -a https://{v}@gems.contribsys.com/")]),
    P("slack-app-token", "slack", lambda: "xapp-1-A" + s(UAN, 10) + "-" + digits(13) + "-" + s(HX, 64)),
    P("slack-bot-token", "slack", lambda: "xoxb-" + digits(12) + "-" + digits(13) + "-" + s(AN, 24)),
    P("slack-config-access-token", "slack", slack_config_access),
    P("slack-config-refresh-token", "slack", lambda: "xoxe-1-" + s(AN, 146)),
    P("slack-legacy-bot-token", "slack", lambda: "xoxb-" + digits(11) + "-" + s(AN, 24)),
    P("slack-legacy-token", "slack", lambda: R.choice(["xoxo-", "xoxs-"]) + digits(10) + "-" + digits(11) + "-" + digits(12) + "-" + s(HX, 64)),
    P("slack-legacy-workspace-token", "slack", lambda: R.choice(["xoxa-2-", "xoxr-"]) + digits(11) + "-" + digits(12) + "-" + s(AN, 32)),
    P("slack-user-token", "slack", lambda: "xoxp-" + digits(11) + "-" + digits(12) + "-" + digits(13) + "-" + s(HX, 32)),
    P("slack-webhook-url", "slack", slack_webhook, names=["SLACK_WEBHOOK_URL", "notify_url"]),
    C("snyk-api-token", "snyk", uid, names=["SNYK_TOKEN", "snyk_api_token"]),
    P("sonar-api-token", "sonar", lambda: R.choice(["squ_", "sqp_", "sqa_"]) + s(HX, 40), names=["SONAR_TOKEN", "sonar_login"]),
    P("sourcegraph-access-token", "sourcegraph", lambda: "sgp_" + s(HX, 16) + "_" + s(HX, 40)),
    P("square-access-token", "square", lambda: R.choice(["EAAA" + s(B64U, 60), "sq0atp-" + s(B64U, 22)]), names=["SQUARE_ACCESS_TOKEN", "square_token"]),
    C("squarespace-access-token", "squarespace", uid, names=["SQUARESPACE_API_KEY", "squarespace_token"]),
    P("stripe-access-token", "stripe", lambda: R.choice(["sk_live_", "rk_live_", "sk_test_"]) + s(AN, R.choice([24, 99]))),
    C("sumologic-access-id", "sumo", lambda: "su" + s(AN, 12), names=["SUMO_ACCESS_ID", "sumologic_access_id"]),
    C("sumologic-access-token", "sumo", lambda: s(AN, 64), names=["SUMO_ACCESS_KEY", "sumologic_access_key"]),
    C("telegram-bot-api-token", "telegram", telegram, names=["TELEGRAM_BOT_TOKEN", "telegram_token"]),
    C("travisci-access-token", "travis", lambda: s(AN, 22), names=["TRAVIS_API_TOKEN", "travis_token"]),
    P("twilio-api-key", "twilio", lambda: "SK" + s(HX, 32)),
    C("twitch-api-token", "twitch", lambda: s(LAN, 30), names=["TWITCH_CLIENT_SECRET", "twitch_oauth_token"]),
    C("twitter-access-secret", "twitter", lambda: s(AN, 45), names=["TWITTER_ACCESS_TOKEN_SECRET", "twitter_access_secret"]),
    C("twitter-access-token", "twitter", lambda: digits(19) + "-" + s(AN, 31), names=["TWITTER_ACCESS_TOKEN", "twitter_access_token"]),
    C("twitter-api-key", "twitter", lambda: s(AN, 25), names=["TWITTER_API_KEY", "twitter_consumer_key"]),
    C("twitter-api-secret", "twitter", lambda: s(AN, 50), names=["TWITTER_API_SECRET", "twitter_consumer_secret"]),
    C("twitter-bearer-token", "twitter", lambda: "AAAAAAAAAAAAAAAAAAAAA" + s(AN, 30) + "%3D" + s(AN, 50), names=["TWITTER_BEARER_TOKEN", "twitter_bearer"]),
    P("typeform-api-token", "typeform", lambda: "tfp_" + s(AN, 44) + "_" + s(AN, 14)),
    P("vault-batch-token", "vault", lambda: "hvb." + s(B64U, 150)),
    P("vault-service-token", "vault", lambda: R.choice(["hvs." + s(B64U, 91), "s." + s(AN, 24)]), names=["VAULT_TOKEN", "vault_token"]),
    C("yandex-access-token", "yandex", yandex_iam, names=["YANDEX_IAM_TOKEN", "yandex_access_token"]),
    C("yandex-api-key", "yandex", lambda: "AQVN" + s(B64U, 36), names=["YANDEX_API_KEY", "yc_api_key"]),
    C("yandex-aws-access-token", "yandex", lambda: "YC" + s(B64U, 38), names=["YANDEX_ACCESS_SECRET", "yandex_aws_secret"]),
    C("zendesk-secret-key", "zendesk", lambda: s(AN, 40), names=["ZENDESK_API_TOKEN", "zendesk_secret"]),
]


# ---------------------------------------------------------------- beyond gitleaks

BEYOND = [
    C("abuseipdb-api-key", "abuseipdb", lambda: s(HX, 80), names=["ABUSEIPDB_API_KEY", "abuseipdb_key"]),
    P("aikido-ci-token", "aikido", lambda: "AIK_CI_" + s(AN, 64), names=["AIKIDO_CI_API_TOKEN", "aikido_ci"]),
    C("aikido-client-id", "aikido", lambda: s(AN, 24), names=["AIKIDO_CLIENT_ID", "aikido_client_id"]),
    C("aikido-client-secret", "aikido", lambda: "AIK_CLIENT_" + s(AN, 48), names=["AIKIDO_CLIENT_SECRET", "aikido_client_secret"]),
    P("airtable-oauth-token", "airtable", airtable_oauth),
    C("aiven-auth-token", "aiven", lambda: s(B64, 370) + "==", names=["AIVEN_TOKEN", "aiven_api_token"]),
    C("algolia-application-id", "algolia", lambda: s(UAN, 10), names=["ALGOLIA_APP_ID", "algoliaAppId"]),
    P("alibaba-sts-access-key-id", "alibaba", lambda: "STS." + s(AN, 28), names=["ALIBABA_CLOUD_ACCESS_KEY_ID", "sts_ak"]),
    C("alibaba-sts-access-key-secret", "alibaba", lambda: s(AN, 44), names=["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "alibaba_sts_secret"]),
    P("alibaba-sts-security-token", "alibaba", alibaba_sts_token, names=["ALIBABA_CLOUD_SECURITY_TOKEN", "sts_token"]),
    C("amplitude-secret-key", "amplitude", lambda: s(HX, 32), names=["AMPLITUDE_SECRET_KEY", "amplitude_secret"]),
    P("apify-api-token", "apify", lambda: "apify_api_" + s(AN, 36)),
    C("apollo-api-key", "apollo", lambda: s(B64U, 22), names=["APOLLO_API_KEY", "apollo_io_key"]),
    P("asaas-api-token", "asaas", asaas, names=["ASAAS_API_KEY", "asaas_access_token"]),
    C("assemblyai-api-key", "assemblyai", lambda: s(HX, 32), names=["ASSEMBLYAI_API_KEY", "assemblyai_key"]),
    C("auth0-client-id", "auth0", lambda: s(AN, 32), names=["AUTH0_CLIENT_ID", "auth0ClientId"]),
    C("auth0-client-secret", "auth0", lambda: s(B64U, 64), names=["AUTH0_CLIENT_SECRET", "auth0_client_secret"]),
    C("auth0-domain", "auth0", lambda: R.choice(["dev-", "acme-", "prod-"]) + s(LAN, 16) + R.choice([".us", ".eu", ".au", ""]) + ".auth0.com", names=["AUTH0_DOMAIN", "auth0_domain"]),
    C("aws-secret-access-key", "aws", lambda: s(B64, 40), names=["AWS_SECRET_ACCESS_KEY", "aws_secret_access_key"]),
    C("aws-session-token", "aws", aws_session, names=["AWS_SESSION_TOKEN", "aws_session_token"]),
    C("azure-client-id", "azure", uid, names=["AZURE_CLIENT_ID", "azure_client_id"]),
    P("azure-storage-account-key", "azure", lambda: b64(rb(64)),
      forms=[("env", "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey={v};EndpointSuffix=core.windows.net"),
             ("json", '    "StorageAccountKey": "{v}",')]),
    P("azure-storage-account-name", "azure", lambda: R.choice(["acmeprod", "stlogs", "mediaassets"]) + s(LAN, 6),
      forms=[("json", '    "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName={v};AccountKey=' + b64(rb(64)) + ';EndpointSuffix=core.windows.net",'),
             ("properties", "azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName={v};AccountKey=" + b64(rb(64)) + ";EndpointSuffix=core.windows.net")]),
    C("azure-tenant-id", "azure", uid, names=["AZURE_TENANT_ID", "azure_tenant_id"]),
    P("bitbucket-data-center-token", "bitbucket", lambda: "BBDC-" + s(B64, 44)),
    C("bitly-access-token", "bitly", lambda: s(HX, 40), names=["BITLY_ACCESS_TOKEN", "bitly_token"]),
    C("bitrise-access-token", "bitrise", lambda: s(B64U, 86), names=["BITRISE_ACCESS_TOKEN", "bitrise_token"]),
    C("box-api-access-token", "box", lambda: s(AN, 32), names=["BOX_DEVELOPER_TOKEN", "box_access_token"]),
    P("brave-search-api-key", "brave", lambda: "BSA" + s(AN + "_-", 28), names=["BRAVE_SEARCH_API_KEY", "brave_api_key"]),
    C("browserstack-access-key", "browserstack", lambda: s(AN, 20), names=["BROWSERSTACK_ACCESS_KEY", "browserstack_key"]),
    C("browserstack-username", "browserstack", lambda: R.choice(["jdoe", "ciuser", "qa"]) + "_" + s(AN, 8), names=["BROWSERSTACK_USERNAME", "browserstack_user"]),
    P("buildkite-service-token", "buildkite", lambda: R.choice(["bkaa_", "bkct_"]) + s(AN, 40), names=["BUILDKITE_AGENT_TOKEN", "buildkite_token"]),
    P("buildkite-user-access-token", "buildkite", lambda: "bkua_" + s(HX, 40)),
    P("canadian-digital-service-notify-api-key", "notify", gc_notify, names=["NOTIFY_API_KEY", "gc_notify_key"]),
    C("canva-client-id", "canva", lambda: "OC-" + s(AN, 12), names=["CANVA_CLIENT_ID", "canva_client_id"]),
    C("canva-client-secret", "canva", lambda: "cnvca" + s(B64U, 40), names=["CANVA_CLIENT_SECRET", "canva_secret"]),
    P("cartesia-api-key", "cartesia", lambda: "sk_car_" + s(AN, 22)),
    P("cerebras-api-key", "cerebras", lambda: "csk-" + s(LAN, 48)),
    C("checkout-secret-key", "checkout", lambda: R.choice(["sk_sbox_", "sk_"]) + s("abcdefghijklmnopqrstuvwxyz234567", 26), names=["CKO_SECRET_KEY", "checkout_secret_key"]),
    P("circleci-personal-token", "circleci", lambda: "CCIPAT_" + s(AN, 22) + "_" + s(HX, 40)),
    P("circleci-project-token", "circleci", lambda: "CCIPRJ_" + s(AN, 22) + "_" + s(HX, 40)),
    C("civo-api-key", "civo", lambda: s(AN, 50), names=["CIVO_TOKEN", "civo_api_key"]),
    C("clerk-secret-key", "clerk", lambda: R.choice(["sk_live_", "sk_test_"]) + s(AN, 42), names=["CLERK_SECRET_KEY", "clerkSecretKey"]),
    C("clickhouse-cloud-key-id", "clickhouse", lambda: s(AN, 20), names=["CLICKHOUSE_KEY_ID", "clickhouse_api_key_id"]),
    P("clickup-personal-api-token", "clickup", lambda: "pk_" + digits(8) + "_" + s(UAN, 32)),
    C("cloudflare-account-id", "cloudflare", lambda: s(HX, 32), names=["CLOUDFLARE_ACCOUNT_ID", "cloudflare_account_id"]),
    C("cloudflare-api-key", "cloudflare", lambda: s(B64U, 40), names=["CF_API_TOKEN", "cloudflare_api_token"]),
    C("cloudinary-api-key", "cloudinary", lambda: digits(15), names=["CLOUDINARY_API_KEY", "cloudinary_key"]),
    C("cloudinary-api-secret", "cloudinary", lambda: s(B64U, 27), names=["CLOUDINARY_API_SECRET", "cloudinary_secret"]),
    P("cloudinary-cloud-name", "cloudinary", lambda: R.choice(["acme", "dxq", "media"]) + s(LAN, 6),
      forms=[("env", "CLOUDINARY_URL=cloudinary://" + digits(15) + ":" + s(B64U, 27) + "@{v}"),
             ("py", 'cloudinary.config(url="cloudinary://' + digits(15) + ":" + s(B64U, 27) + '@{v}")')]),
    C("cloudsmith-api-key", "cloudsmith", lambda: s(HX, 40), names=["CLOUDSMITH_API_KEY", "cloudsmith_key"]),
    P("cockroachlabs-cloud-api-key", "cockroach", lambda: "CCDB1_" + s(AN, 22) + "_" + s(AN, 40)),
    C("configcat-sdk-key", "configcat", lambda: s(B64U, 22) + "/" + s(B64U, 22), names=["CONFIGCAT_SDK_KEY", "configcat_key"]),
    P("configcat-sdk-key-extended", "configcat", lambda: "configcat-sdk-1/" + s(B64U, 22) + "/" + s(B64U, 22)),
    C("couchbase-capella-api-key", "couchbase", lambda: s(AN, 64), names=["COUCHBASE_CAPELLA_SECRET", "capella_api_secret"]),
    C("coveralls-personal-api-token", "coveralls", lambda: s(AN, 37), names=["COVERALLS_REPO_TOKEN", "coveralls_token"]),
    P("crates-io-api-key", "cargo", lambda: "cio" + s(AN, 32), names=["CARGO_REGISTRY_TOKEN", "crates_token"]),
    P("cursor-api-key", "cursor", lambda: "key_" + s(HX, 64), names=["CURSOR_API_KEY", "cursor_admin_key"]),
    P("databento-api-key", "databento", lambda: "db-" + s(AN, 29), names=["DATABENTO_API_KEY", "databento_key"]),
    C("datadog-api-key", "datadog", lambda: s(HX, 32), names=["DD_API_KEY", "datadog_api_key"]),
    C("datadog-application-key", "datadog", lambda: s(HX, 40), names=["DD_APP_KEY", "datadog_application_key"]),
    C("datagov-api-key", "datagov", lambda: s(AN, 40), names=["DATA_GOV_API_KEY", "api_data_gov_key"]),
    P("datastax-astra-application-token", "astra", lambda: "AstraCS:" + s(AN, 24) + ":" + s(HX, 64)),
    C("deepgram-api-key", "deepgram", lambda: s(HX, 40), names=["DEEPGRAM_API_KEY", "deepgram_key"]),
    C("deepseek-api-key", "deepseek", lambda: "sk-" + s(HX, 32), names=["DEEPSEEK_API_KEY", "deepseek_key"]),
    P("deno-account-token", "deno", lambda: "ddp_" + s(AN, 36)),
    P("devcycle-client-sdk-key", "devcycle", lambda: "dvc_client_" + uid().replace("-", "_") + "_" + s(HX, 7)),
    P("devcycle-mobile-sdk-key", "devcycle", lambda: "dvc_mobile_" + uid().replace("-", "_") + "_" + s(HX, 7)),
    P("devcycle-server-sdk-key", "devcycle", lambda: "dvc_server_" + uid().replace("-", "_") + "_" + s(HX, 7)),
    P("devin-personal-api-key", "devin", lambda: "apk_user_" + b64(f"{uid()}_org-{s(HX, 32)}:{s(HX, 32)}".encode(), pad=False)),
    P("devin-service-api-key", "devin", lambda: "apk_" + s(AN, 64), names=["DEVIN_API_KEY", "devin_service_key"]),
    P("devin-service-user-token", "devin", lambda: "cog_" + s(LAN, 52), names=["DEVIN_API_TOKEN", "devin_token"]),
    C("disqus-api-key", "disqus", lambda: s(AN, 64), names=["DISQUS_API_SECRET", "disqus_secret_key"]),
    P("docker-swarm-join-token", "swarm", swarm_join,
      forms=[("sh", "docker swarm join --token {v} 10.0.12.4:2377"), ("yaml", "    swarm_join_token: {v}")]),
    P("docker-swarm-unlock-key", "swarm", lambda: "SWMKEY-1-" + s(B64, 43),
      forms=[("sh", "echo '{v}' | docker swarm unlock"), ("md", "Unlock key: `{v}` (stored in the vault)")]),
    P("dockerhub-organization-access-token", "docker", lambda: "dckr_oat_" + s(B64U, 32)),
    P("dockerhub-personal-access-token", "docker", lambda: "dckr_pat_" + s(B64U, 27)),
    P("ebay-client-id", "ebay", ebay_id, names=["EBAY_APP_ID", "ebay_client_id"]),
    P("ebay-client-secret", "ebay", ebay_secret, names=["EBAY_CERT_ID", "ebay_client_secret"]),
    P("elastic-cloud-api-key", "elastic", lambda: "essu_" + b64(f"{s(AN, 20)}:{s(B64U, 22)}".encode() + rb(30)), names=["EC_API_KEY", "elastic_cloud_api_key"]),
    C("elevenlabs-api-key", "elevenlabs", lambda: "sk_" + s(HX, 48), names=["ELEVENLABS_API_KEY", "xi_api_key_elevenlabs"]),
    P("endorlabs-api-key", "endor", lambda: "endr+" + s(AN, 16), names=["ENDOR_API_CREDENTIALS_KEY", "endor_key"]),
    P("endorlabs-api-secret", "endor", lambda: "endr+" + s(AN, 16), names=["ENDOR_API_CREDENTIALS_SECRET", "endor_secret"]),
    C("etsy-open-api-key", "etsy", lambda: s(LAN, 24), names=["ETSY_KEYSTRING", "etsy_open_api_key"]),
    P("exoscale-api-key", "exoscale", lambda: "EXO" + s(HX, 24)),
    C("exoscale-api-secret", "exoscale", lambda: s(B64U, 43), names=["EXOSCALE_API_SECRET", "exoscale_secret"]),
    C("fal-api-key", "fal", lambda: uid() + ":" + s(HX, 32), names=["FAL_KEY", "fal_api_key"]),
    P("figma-personal-access-header-token", "figma", lambda: "figd_" + s(B64U, 40),
      forms=[("sh", 'curl -H "X-Figma-Token: {v}" https://api.figma.com/v1/files/abc123'), ("js", "  headers: { 'X-FIGMA-TOKEN': '{v}' },")]),
    P("figma-personal-access-token", "figma", lambda: "figd_" + s(B64U, 40)),
    C("fullstory-api-key", "fullstory", lambda: "na1." + b64(rb(45)), names=["FULLSTORY_API_KEY", "fullstory_key"]),
    P("gcp-application-default-credentials", "gcp", lambda: "ADC"),
    P("gcp-gemini-api", "gemini", lambda: "AIza" + s(B64U, 35), names=["GEMINI_API_KEY", "GOOGLE_GENAI_API_KEY"]),
    P("gcp-service-account", "gcp", lambda: "GSA"),
    C("gitea-access-token", "gitea", lambda: s(HX, 40), names=["GITEA_TOKEN", "gitea_access_token"]),
    P("gitlab-incoming-mail-address-token", "gitlab", lambda: s(LAN, 25),
      forms=[("yaml", "  support_email: incoming+acme-platform-4821-{v}-issue@incoming.gitlab.com"), ("md", "Send bugs to incoming+mobile-app-1337-{v}-issue@gitlab.acme.io")]),
    P("gitlab-pat-routable-versioned", "gitlab", lambda: "glpat-" + s(B64U, 38) + ".01." + s(LAN, 9)),
    C("greptile-api-key", "greptile", lambda: s(B64, 48), names=["GREPTILE_API_KEY", "greptile_key"]),
    P("groq-api-key", "groq", lambda: "gsk_" + s(AN, 52)),
    C("gumroad-access-token", "gumroad", lambda: s(B64U, 43), names=["GUMROAD_ACCESS_TOKEN", "gumroad_token"]),
    C("highnote-secret-live-key", "highnote", lambda: "sk_live_" + s(B64U, 56), names=["HIGHNOTE_API_KEY", "highnote_secret"]),
    C("honeycomb-api-key", "honeycomb", lambda: R.choice([s(AN, 22), "hcaik_01" + s(LAN, 56)]), names=["HONEYCOMB_API_KEY", "honeycomb_writekey"]),
    C("hunter-api-key", "hunter", lambda: s(HX, 40), names=["HUNTER_API_KEY", "hunter_io_key"]),
    C("ibm-cloud-user-api-key", "ibm", lambda: s(B64U, 44), names=["IBMCLOUD_API_KEY", "ibm_cloud_api_key"]),
    C("influxdb-api-token", "influx", lambda: s(B64U, 86) + "==", names=["INFLUXDB_TOKEN", "influx_token"]),
    C("infomaniak-api-token", "infomaniak", lambda: s(B64U, 80), names=["INFOMANIAK_API_TOKEN", "infomaniak_token"]),
    C("instantly-api-key", "instantly", lambda: b64(f"{uid()}:{s(AN, 12)}".encode()), names=["INSTANTLY_API_KEY", "instantly_key"]),
    P("ionic-personal-access-token", "ionic", lambda: "ion_" + s(AN, 42)),
    C("jumpcloud-api-key", "jumpcloud", lambda: R.choice([s(HX, 40), "jca_" + s(AN, 36)]), names=["JUMPCLOUD_API_KEY", "jumpcloud_key"]),
    C("kagi-api-key", "kagi", lambda: s(B64U, 22) + "." + s(B64U, 20), names=["KAGI_API_KEY", "kagi_token"]),
    C("kimi-api-key", "moonshot", lambda: "sk-" + s(AN, 48), names=["MOONSHOT_API_KEY", "kimi_api_key"]),
    P("klaviyo-api-key", "klaviyo", lambda: "pk_" + s(HX, 34), names=["KLAVIYO_PRIVATE_KEY", "klaviyo_api_key"]),
    P("langchain-langsmith-personal-access-token", "langsmith", lambda: "lsv2_pt_" + s(HX, 32) + "_" + s(HX, 10)),
    P("langchain-langsmith-service-key", "langsmith", lambda: "lsv2_sk_" + s(HX, 32) + "_" + s(HX, 10)),
    P("langfuse-public-key", "langfuse", lambda: "pk-lf-" + uid()),
    P("langfuse-secret-key", "langfuse", lambda: "sk-lf-" + uid()),
    C("lark-app-id", "lark", lambda: "cli_" + s(HX, 16), names=["LARK_APP_ID", "feishu_app_id"]),
    C("lark-app-secret", "lark", lambda: s(AN, 32), names=["LARK_APP_SECRET", "feishu_app_secret"]),
    P("lichess-personal-access-token", "lichess", lambda: "lip_" + s(AN, 20)),
    C("lighton-paradigm-api-key", "paradigm", lambda: s(AN, 40), names=["PARADIGM_API_KEY", "lighton_api_key"]),
    P("llama-cloud-api-key", "llama", lambda: "llx-" + s(AN, 48)),
    P("mailersend-api-token", "mailersend", lambda: "mlsn." + s(HX, 64)),
    P("mem0-api-key", "mem0", lambda: "m0-" + s(AN, 40)),
    P("mercury-production-api-token", "mercury", mercury),
    C("mergify-application-key", "mergify", lambda: s(AN, 64), names=["MERGIFY_TOKEN", "mergify_application_key"]),
    P("midtrans-production-server-client-key", "midtrans", lambda: R.choice(["Mid-server-" + s(B64U, 24), "Mid-client-" + s(B64U, 16)])),
    P("minimax-api-key", "minimax", lambda: "sk-api-" + s(B64U, 90), names=["MINIMAX_API_KEY", "minimax_key"]),
    P("miro-access-token", "miro", miro_token, names=["MIRO_ACCESS_TOKEN", "miro_token"]),
    C("miro-client-id", "miro", lambda: digits(19), names=["MIRO_CLIENT_ID", "miro_client_id"]),
    C("miro-client-secret", "miro", lambda: s(AN, 32), names=["MIRO_CLIENT_SECRET", "miro_client_secret"]),
    C("mistral-api-key", "mistral", lambda: s(AN, 32), names=["MISTRAL_API_KEY", "mistral_key"]),
    C("monday-api-token", "monday", lambda: jwt({"tid": R.randint(10**8, 10**9), "aai": 11, "uid": R.randint(10**7, 10**8), "iad": "2026-01-12T09:21:44.000Z", "per": "me:write", "actid": R.randint(10**6, 10**7), "rgn": "use1"}), names=["MONDAY_API_TOKEN", "monday_token"]),
    P("mongodb-atlas-service-account-id", "mongodb", lambda: "mdb_sa_id_" + s(HX, 24)),
    P("mongodb-atlas-service-account-secret", "mongodb", lambda: "mdb_sa_sk_" + s(AN, 40)),
    C("mux-access-token-id", "mux", uid, names=["MUX_TOKEN_ID", "mux_token_id"]),
    C("mux-access-token-secret", "mux", lambda: s(B64, 75), names=["MUX_TOKEN_SECRET", "mux_token_secret"]),
    P("neon-api-key", "neon", lambda: "napi_" + s(LAN, 64)),
    C("ngrok-api-key", "ngrok", lambda: "2" + s(AN, 26) + "_" + s(AN, 21), names=["NGROK_API_KEY", "ngrok_authtoken"]),
    P("nvidia-api-key", "nvidia", lambda: "nvapi-" + s(B64U, 64)),
    P("nylas-api-key", "nylas", lambda: "nyk_v0_" + s(AN, 48)),
    C("ollama-api-key", "ollama", lambda: s(HX, 32) + "." + s(AN, 24), names=["OLLAMA_API_KEY", "ollama_key"]),
    P("onesignal-rich-authentication-token", "onesignal", lambda: "os_v2_app_" + s(LO + "234567", 110)),
    P("onfido-live-api-token-ca", "onfido", lambda: "api_live_ca." + s(B64U, 11) + "." + s(B64U, 32)),
    P("onfido-live-api-token-eu", "onfido", lambda: "api_live." + s(B64U, 11) + "." + s(B64U, 32)),
    P("onfido-live-api-token-us", "onfido", lambda: "api_live_us." + s(B64U, 11) + "." + s(B64U, 32)),
    P("openrouter-api-key", "openrouter", lambda: "sk-or-v1-" + s(HX, 64)),
    C("openweather-api-key", "openweather", lambda: s(HX, 32), names=["OPENWEATHER_API_KEY", "openweathermap_appid"]),
    C("opsgenie-api-key", "opsgenie", uid, names=["OPSGENIE_API_KEY", "opsgenie_key"]),
    C("ovh-application-key", "ovh", lambda: s(AN, 16), names=["OVH_APPLICATION_KEY", "ovh_application_key"]),
    C("ovh-application-secret", "ovh", lambda: s(AN, 32), names=["OVH_APPLICATION_SECRET", "ovh_application_secret"]),
    C("ovh-consumer-key", "ovh", lambda: s(AN, 32), names=["OVH_CONSUMER_KEY", "ovh_consumer_key"]),
    P("paddle-live-api-key", "paddle", paddle),
    C("pagerduty-authorization-token", "pagerduty", lambda: R.choice(["u+", "y_"]) + s(B64U, 18), names=["PAGERDUTY_TOKEN", "pagerduty_api_key"]),
    C("paypal-client-id", "paypal", lambda: "A" + s(B64U, 79), names=["PAYPAL_CLIENT_ID", "paypal_client_id"]),
    C("paypal-client-secret", "paypal", lambda: "E" + s(B64U, 79), names=["PAYPAL_CLIENT_SECRET", "paypal_secret"]),
    P("persona-production-api-key", "persona", lambda: "persona_production_" + uid()),
    P("pinecone-api-key", "pinecone", lambda: "pcsk_" + s(AN, 5) + "_" + s(AN, 63), names=["PINECONE_API_KEY", "pinecone_key"]),
    P("pinterest-access-token", "pinterest", lambda: "pina_" + s(B32U, 96)),
    C("planetscale-id", "planetscale", lambda: s(LAN, 12), names=["PLANETSCALE_DB_USERNAME", "pscale_username"]),
    P("plivo-auth-id", "plivo", lambda: R.choice(["MA", "SA"]) + s(UAN, 18), names=["PLIVO_AUTH_ID", "plivo_auth_id"]),
    C("plivo-auth-token", "plivo", lambda: s(AN, 40), names=["PLIVO_AUTH_TOKEN", "plivo_auth_token"]),
    P("polar-oauth-access-token", "polar", lambda: R.choice(["polar_at_u_", "polar_at_o_"]) + s(AN, 43)),
    P("polar-organization-access-token", "polar", lambda: "polar_oat_" + s(AN, 43)),
    P("polar-personal-access-token", "polar", lambda: "polar_pat_" + s(AN, 43)),
    C("polymarket-address", "polymarket", lambda: "0x" + s(HX, 40), names=["POLYMARKET_FUNDER_ADDRESS", "polymarket_address"]),
    C("polymarket-api-key", "polymarket", uid, names=["POLYMARKET_API_KEY", "polymarket_clob_api_key"]),
    C("polymarket-api-secret", "polymarket", lambda: s(B64U, 43) + "=", names=["POLYMARKET_API_SECRET", "polymarket_secret"]),
    C("polymarket-passphrase", "polymarket", lambda: s(HX, 64), names=["POLYMARKET_PASSPHRASE", "polymarket_passphrase"]),
    C("polymarket-private-key", "polymarket", lambda: "0x" + s(HX, 64), names=["POLYMARKET_PRIVATE_KEY", "polymarket_pk"]),
    P("posthog-personal-api-key", "posthog", lambda: "phx_" + s(AN, 43)),
    P("posthog-project-api-key", "posthog", lambda: "phc_" + s(AN, 43)),
    C("postmark-api-token", "postmark", uid, names=["POSTMARK_SERVER_TOKEN", "postmark_api_token"]),
    C("proof-full-access-api-key", "proof", lambda: s(AN, 32), names=["PROOF_API_KEY", "proof_full_access_key"]),
    C("rainforest-pay-production-api-key", "rainforest", lambda: "apikey_" + s(AN, 40), names=["RAINFOREST_API_KEY", "rainforest_pay_key"]),
    P("ramp-client-id", "ramp", lambda: "ramp_id_" + s(AN, 40)),
    P("ramp-client-secret", "ramp", lambda: "ramp_sec_" + s(AN, 48)),
    P("razorpay-key-id", "razorpay", lambda: "rzp_live_" + s(AN, 14)),
    C("razorpay-key-secret", "razorpay", lambda: s(AN, 24), names=["RAZORPAY_KEY_SECRET", "razorpay_secret"]),
    C("redirect-pizza-api-token", "redirect", lambda: "rpa_" + s(AN, 40), names=["REDIRECT_PIZZA_API_TOKEN", "redirectpizza_token"]),
    P("render-api-key", "render", lambda: "rnd_" + s(AN, 32)),
    P("replicate-api-token", "replicate", lambda: "r8_" + s(AN, 37)),
    P("resend-api-key", "resend", lambda: "re_" + s(AN, 8) + "_" + s(AN, 24)),
    C("retell-api-key", "retell", lambda: "key_" + s(HX, 28), names=["RETELL_API_KEY", "retell_key"]),
    P("rootly-api-key", "rootly", lambda: "rootly_" + s(HX, 64)),
    P("runpod-api-key", "runpod", lambda: "rpa_" + s(UAN, 48), names=["RUNPOD_API_KEY", "runpod_key"]),
    C("salesforce-access-token", "salesforce", salesforce, names=["SALESFORCE_ACCESS_TOKEN", "sf_session_id"]),
    P("samsara-api-token", "samsara", lambda: "samsara_api_" + s(AN, 30)),
    C("scaleway-secret-key", "scaleway", uid, names=["SCW_SECRET_KEY", "scaleway_secret_key"]),
    C("scalr-api-access-token", "scalr", lambda: jwt({"jti": "at-" + s(LAN, 17), "iss": "scalr"}), names=["SCALR_TOKEN", "scalr_api_token"]),
    P("segment-public-api-token", "segment", lambda: "sgp_" + s(AN, 64)),
    P("slack-session-cookie", "slack", slack_cookie,
      forms=[("sh", "curl -s -H 'Cookie: {v}' https://acme.slack.com/api/conversations.list"), ("py", 'cookies = {"d": "{v}"}')]),
    P("slack-session-token", "slack", lambda: "xoxc-" + digits(11) + "-" + digits(12) + "-" + digits(13) + "-" + s(HX, 64)),
    C("snowflake-programmatic-access-token", "snowflake", lambda: jwt({"kid": digits(10), "alg": "ES256"}), names=["SNOWFLAKE_PAT", "snowflake_token"]),
    C("sslmate-api-key", "sslmate", lambda: s(AN, 36), names=["SSLMATE_API_KEY", "sslmate_key"]),
    C("stability-ai-api-key", "stability", lambda: "sk-" + s(AN, 48), names=["STABILITY_API_KEY", "stability_key"]),
    P("supabase-management-token", "supabase", lambda: "sbp_" + s(HX, 40)),
    P("supabase-project-api-key", "supabase", lambda: "sb_secret_" + s(B64U, 32)),
    C("tableau-personal-access-token", "tableau", tableau, names=["TABLEAU_PAT_SECRET", "tableau_token_value"]),
    P("tableau-personal-access-token-name", "tableau", lambda: R.choice(["ci-extract", "nightly-refresh", "ops"]),
      forms=[("py", 'auth = TSC.PersonalAccessTokenAuth("{v}", "' + tableau() + '", site_id="acme")'),
             ("env", "TABLEAU_PAT_NAME={v}\nTABLEAU_PAT_SECRET=" + tableau())]),
    P("tailscale-api-key", "tailscale", lambda: R.choice(["tskey-api-", "tskey-auth-"]) + s(AN, 7) + "CNTRL-" + s(AN, 33)),
    P("telnyx-api-v2-key", "telnyx", lambda: "KEY" + s(HXU, 32) + "_" + s(AN, 22)),
    C("temporal-cloud-api-key", "temporal", lambda: jwt({"account_id": s(LAN, 5), "key_id": s(AN, 32)}, alg="ES256"), names=["TEMPORAL_API_KEY", "temporal_cloud_key"]),
    P("thunderstore-api-token", "thunderstore", lambda: "tss_" + s(AN, 40), names=["TCLI_AUTH_TOKEN", "thunderstore_token"]),
    P("togetherai-api-key", "together", lambda: R.choice(["tgp_v1_" + s(B64U, 43), s(HX, 64)]), names=["TOGETHER_API_KEY", "together_key"]),
    P("unkey-root-key", "unkey", lambda: "unkey_" + s(AN, 26)),
    P("upcloud-api-token", "upcloud", lambda: "ucat_" + s(AN, 26), names=["UPCLOUD_TOKEN", "upcloud_api_token"]),
    P("upstage-api-key", "upstage", lambda: "up_" + s(AN, 29), names=["UPSTAGE_API_KEY", "upstage_key"]),
    C("upstash-redis-rest-token", "upstash", lambda: "A" + s(AN, 3) + "AAIjcDE" + s(B64U, 60), names=["UPSTASH_REDIS_REST_TOKEN", "upstash_token"]),
    P("val-town-api-token", "valtown", lambda: "vtwn_" + s(AN, 24)),
    P("vercel-ai-gateway-key", "vercel", lambda: "vck_" + s(AN, 56)),
    C("vercel-api-token", "vercel", lambda: s(AN, 24), names=["VERCEL_TOKEN", "vercel_api_token"]),
    P("vercel-app-access-token", "vercel", lambda: "vca_" + s(AN, 56)),
    P("vercel-app-refresh-token", "vercel", lambda: "vcr_" + s(AN, 56)),
    P("vercel-integration-token", "vercel", lambda: "vci_" + s(AN, 56)),
    P("vercel-personal-access-token", "vercel", lambda: "vcp_" + s(AN, 56)),
    C("virustotal-api-key", "virustotal", lambda: s(HX, 64), names=["VT_API_KEY", "virustotal_api_key"]),
    P("voyageai-api-key", "voyage", lambda: "pa-" + s(B64U, 43)),
    C("vultr-api-key", "vultr", lambda: s(UAN, 36), names=["VULTR_API_KEY", "vultr_key"]),
    P("wakatime-api-key", "wakatime", lambda: "waka_" + uid()),
    C("weatherstack-api-key", "weatherstack", lambda: s(HX, 32), names=["WEATHERSTACK_ACCESS_KEY", "weatherstack_key"]),
    C("weights-and-biases-api-key", "wandb", lambda: s(HX, 40), names=["WANDB_API_KEY", "wandb_key"]),
    C("weights-and-biases-api-key-v1", "wandb", lambda: "local-" + s(HX, 40), names=["WANDB_API_KEY", "wandb_local_key"]),
    C("wiz-client-id", "wiz", lambda: s(LAN, 53), names=["WIZ_CLIENT_ID", "wiz_client_id"]),
    C("wiz-client-secret", "wiz", lambda: s(AN, 64), names=["WIZ_CLIENT_SECRET", "wiz_client_secret"]),
    P("woocommerce-consumer-secret", "woocommerce", lambda: "cs_" + s(HX, 40), names=["WOOCOMMERCE_CONSUMER_SECRET", "wc_secret"]),
    C("workato-developer-api-token", "workato", lambda: "wrkaus" + s(HX, 58), names=["WORKATO_API_TOKEN", "workato_token"]),
    C("workos-production-api-key", "workos", lambda: "sk_live_" + s(B64U, 70), names=["WORKOS_API_KEY", "workos_key"]),
    P("xai-api-key", "xai", lambda: "xai-" + s(AN, 80)),
    P("xendit-production-api-key", "xendit", lambda: "xnd_production_" + s(AN, 60)),
    C("zai-api-key", "zhipu", lambda: s(HX, 32) + "." + s(AN, 16), names=["ZHIPUAI_API_KEY", "zai_api_key"]),
    P("zoho-client-id", "zoho", lambda: "1000." + s(UAN, 30), names=["ZOHO_CLIENT_ID", "zoho_client_id"]),
    C("zoho-client-secret", "zoho", lambda: s(HX, 42), names=["ZOHO_CLIENT_SECRET", "zoho_client_secret"]),
    P("zoho-oauth-token", "zoho", zoho_token, names=["ZOHO_REFRESH_TOKEN", "zoho_access_token"]),
    C("zoho-zapi-key", "zoho", lambda: s(HX, 64), names=["ZOHO_ZAPIKEY", "zapikey"]),
    P("zuplo-consumer-api-key", "zuplo", lambda: "zpka_" + s(HX, 32) + "_" + s(HX, 8)),
]


# ---------------------------------------------------------------- credentials that travel together
# Real configuration files hold an id next to its secret (an .env with both halves of an
# OAuth client, an AWS profile with key id and secret). Members of a group are written on
# consecutive lines of one file. ("+", NAME, gen) entries are companion lines: real-format
# values that are not counted (their type belongs to the other corpus or is not a secret).

GROUPS = {
    "gitleaks-types": [
        ["alibaba-access-key-id", "alibaba-secret-key"], ["asana-client-id", "asana-client-secret"],
        ["bitbucket-client-id", "bitbucket-client-secret"], ["bittrex-access-key", "bittrex-secret-key"],
        ["confluent-access-token", "confluent-secret-key"], ["discord-client-id", "discord-client-secret"],
        ["finicity-api-token", "finicity-client-secret"], ["kucoin-access-token", "kucoin-secret-key"],
        ["linkedin-client-id", "linkedin-client-secret"], ["looker-client-id", "looker-client-secret"],
        ["plaid-client-id", "plaid-secret-key"], ["sumologic-access-id", "sumologic-access-token"],
        ["sendbird-access-id", "sendbird-access-token"], ["adobe-client-id", "adobe-client-secret"],
        ["twitter-api-key", "twitter-api-secret"], ["twitter-access-token", "twitter-access-secret"],
        ["messagebird-client-id", "messagebird-api-token"],
        ["aws-access-token", ("+", "AWS_SECRET_ACCESS_KEY", lambda: s(B64, 40))],
    ],
    "beyond-types": [
        [("+", "AWS_ACCESS_KEY_ID", lambda: "AKIA" + s(B32U, 16)), "aws-secret-access-key"],
        [("+", "AWS_ACCESS_KEY_ID", lambda: "ASIA" + s(B32U, 16)), ("+", "AWS_SECRET_ACCESS_KEY", lambda: s(B64, 40)), "aws-session-token"],
        ["datadog-api-key", "datadog-application-key"],
        ["auth0-domain", "auth0-client-id", "auth0-client-secret"],
        ["azure-tenant-id", "azure-client-id", ("+", "AZURE_CLIENT_SECRET", azure_client_secret)],
        ["alibaba-sts-access-key-id", "alibaba-sts-access-key-secret", "alibaba-sts-security-token"],
        ["browserstack-username", "browserstack-access-key"], ["canva-client-id", "canva-client-secret"],
        ["aikido-client-id", "aikido-client-secret"],
        ["clickhouse-cloud-key-id", ("+", "CLICKHOUSE_KEY_SECRET", lambda: "4b1d" + s(AN, 38))],
        ["cloudinary-api-key", "cloudinary-api-secret"], ["ebay-client-id", "ebay-client-secret"],
        ["exoscale-api-key", "exoscale-api-secret"], ["lark-app-id", "lark-app-secret"],
        ["langfuse-public-key", "langfuse-secret-key"], ["miro-client-id", "miro-client-secret"],
        ["mongodb-atlas-service-account-id", "mongodb-atlas-service-account-secret"],
        ["mux-access-token-id", "mux-access-token-secret"],
        ["ovh-application-key", "ovh-application-secret", "ovh-consumer-key"],
        ["paypal-client-id", "paypal-client-secret"], ["plivo-auth-id", "plivo-auth-token"],
        ["polymarket-address", "polymarket-api-key", "polymarket-api-secret", "polymarket-passphrase", "polymarket-private-key"],
        ["ramp-client-id", "ramp-client-secret"], ["razorpay-key-id", "razorpay-key-secret"],
        ["wiz-client-id", "wiz-client-secret"], ["zoho-client-id", "zoho-client-secret"],
        [("+", "WOOCOMMERCE_URL", lambda: "https://shop.acme-store.com"), ("+", "WOOCOMMERCE_CONSUMER_KEY", lambda: "ck_" + s(HX, 40)), "woocommerce-consumer-secret"],
        ["endorlabs-api-key", "endorlabs-api-secret"],
        [("+", "COUCHBASE_CAPELLA_KEY_ID", lambda: s(AN, 32)), "couchbase-capella-api-key"],
        ["algolia-application-id", ("+", "ALGOLIA_SEARCH_KEY", lambda: s(HX, 32))],
        ["cloudflare-account-id", "cloudflare-api-key"],
        ["planetscale-id", ("+", "PLANETSCALE_DB_PASSWORD", lambda: "pscale_pw_" + s(B64U, 43))],
    ],
}
