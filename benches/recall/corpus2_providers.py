"""Credential formats for the second recall corpus (testdata/secrets/recall2/).

Written blind: from each provider's own documentation of its credential format (the
`url` of every entry) and, for the split into `gitleaks-types` / `beyond-types`, from
gitleaks' public documentation (README, release notes naming the providers its rules
cover), never from any scanner's rule files or test inputs. Every value is drawn from a
seeded random generator in the documented shape: prefix, length, alphabet and, where the
provider documents one, the checksum (GitHub and npm CRC32/base62 suffix) or structure
(PyPI macaroons, Mapbox/Sentry/1Password base64 JSON segments, JWTs).
"""

import base64
import hashlib
import hmac
import json
import random
import string
import zlib

R = random.Random(20261206)

DIG = string.digits
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
LOW = string.ascii_lowercase
UP = string.ascii_uppercase
B62 = DIG + UP + LOW
LA = LOW + DIG
UA = UP + DIG
B64 = UP + LOW + DIG + "+/"
B64U = UP + LOW + DIG + "-_"
B32 = UP + "234567"
BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def b62(n):
    return rs(B62, n)


def hexs(n):
    return rs(HEX, n)


def uuid4():
    h = list(hexs(32))
    h[12] = "4"
    h[16] = R.choice("89ab")
    h = "".join(h)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def b64e(data, url=False, pad=True):
    s = (base64.urlsafe_b64encode if url else base64.b64encode)(data).decode()
    return s if pad else s.rstrip("=")


def base62_crc(body):
    """GitHub / npm token checksum: CRC32 of the random part, base62, left-padded to 6."""
    n = zlib.crc32(body.encode()) & 0xFFFFFFFF
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(6, "0")


def gh_token(prefix):
    body = b62(30)
    return prefix + body + base62_crc(body)


def npm_token():
    body = b62(30)
    return "npm_" + body + base62_crc(body)


def password(n=None):
    n = n or R.randint(14, 22)
    alpha = LOW + UP + DIG + "!#%^*-_+="
    while True:
        p = rs(alpha, n)
        if any(c in DIG for c in p) and any(c in UP for c in p) and any(c in LOW for c in p):
            return p


def jwt(payload, key=None, alg="HS256"):
    key = key or rbytes(32)
    head = b64e(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode(), True, False)
    body = b64e(json.dumps(payload, separators=(",", ":")).encode(), True, False)
    sig = hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64e(sig, True, False)}"


def varint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def pypi_token():
    """PyPI API token: 'pypi-' + base64url of a libmacaroons v2 binary macaroon whose
    location is pypi.org, identifier a UUID and one first-party caveat (JSON)."""

    def field(t, data):
        return bytes([t]) + varint(len(data)) + data

    ident = uuid4().encode()
    caveat = json.dumps({"version": 1, "permissions": "user"}).encode()
    mac = b"\x02" + field(1, b"pypi.org") + field(2, ident) + b"\x00"
    mac += field(2, caveat) + b"\x00" + b"\x00" + field(6, rbytes(32))
    return "pypi-" + b64e(mac, True, False)


def sentry_org_token():
    claims = {"iat": R.randint(1_700_000_000, 1_760_000_000), "url": "https://sentry.io",
              "region_url": "https://us.sentry.io", "org": rs(LOW, 8)}
    return "sntrys_" + b64e(json.dumps(claims, separators=(",", ":")).encode(), False, False) + "_" + rs(B62 + "+/", 43)


def mapbox_secret():
    u = b64e(json.dumps({"u": rs(LOW, 9), "a": rs(LA, 25)}, separators=(",", ":")).encode(), True, False)
    return f"sk.{u}.{rs(B64U, 22)}"


def onepassword_sa():
    claims = {"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256",
              "iterations": 650000, "salt": b64e(rbytes(16), True, False)}, "email": f"{rs(LOW, 12)}@1passwordserviceaccounts.com",
              "srpX": hexs(64), "muk": {"alg": "A256GCM", "ext": True, "k": b64e(rbytes(32), True, False),
              "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rs(UA, 6) + "-" + rs(UA, 6),
              "throttleSecret": {"seed": hexs(64), "uuid": rs(UA, 26)}, "deviceUuid": rs(LA, 26)}
    return "ops_" + b64e(json.dumps(claims, separators=(",", ":")).encode(), False, False)


def grafana_cloud_token():
    claims = {"o": str(R.randint(100000, 999999)), "n": "stack-" + rs(LA, 6) + "-deploy", "k": rs(B62, 24),
              "m": {"r": "prod-us-east-0"}}
    return "glc_" + b64e(json.dumps(claims, separators=(",", ":")).encode(), False, True)


def atlassian_api_token():
    body = rs(B64U, 170)
    return "ATATT3xFfGF0" + body + "=" + rs(HEXU, 8)


def openai_project_key():
    return "sk-proj-" + rs(B64U, 74) + "T3BlbkFJ" + rs(B64U, 74)


def openai_legacy_key():
    return "sk-" + b62(20) + "T3BlbkFJ" + b62(20)


def anthropic_key():
    return "sk-ant-api03-" + rs(B64U, 93) + "AA"


def slack_bot():
    return f"xoxb-{rs(DIG, 12)}-{rs(DIG, 13)}-{b62(24)}"


def slack_user():
    return f"xoxp-{rs(DIG, 12)}-{rs(DIG, 12)}-{rs(DIG, 13)}-{hexs(32)}"


def slack_app():
    return f"xapp-1-A{rs(UA, 10)}-{rs(DIG, 13)}-{hexs(64)}"


def telegram_bot():
    return f"{R.randint(10**8, 10**10 - 1)}:AA{rs(B64U, 33)}"


def discord_bot():
    uid = str(R.randint(10**17, 10**18 * 9))
    return f"{b64e(uid.encode(), False, False)}.{rs(B64U, 6)}.{rs(B64U, 38)}"


def age_key():
    return "AGE-SECRET-KEY-1" + rs(BECH32, 58)


def vault_service():
    return "hvs.CAESI" + rs(B64U, 86)


def tfc_token():
    return f"{b62(14)}.atlasv1.{rs(B62, 67)}"


def aws_pair():
    return "AKIA" + rs(B32, 16), rs(B62 + "+/", 40)


def azure_client_secret():
    return rs(B62, 3) + "8Q~" + rs(B62 + "_.~-", 34)


def dynatrace():
    return f"dt0c01.{rs(UA, 24)}.{rs(UA, 64)}"


def harness_pat():
    return f"pat.{rs(B64U, 22)}.{hexs(24)}.{rs(B62, 20)}"


def doppler():
    return "dp.pt." + b62(43)


def twitter_bearer():
    return "A" * 22 + rs(B62 + "%", 80)


def heroku_key():
    """Heroku issued UUID API keys for years (Account settings, `heroku authorizations:create`);
    newer ones carry the HRKU- prefix. Both shapes, alternately."""
    return uuid4() if R.random() < 0.5 else "HRKU-AA" + rs(B64U, 58)


def notion_token():
    """Notion internal integration tokens: `ntn_` today, `secret_` + 43 before 2024."""
    return "ntn_" + rs(DIG, 11) + b62(35) if R.random() < 0.6 else "secret_" + b62(43)


def fb_token():
    return "EAA" + rs(B62, R.randint(180, 200))


def square_token():
    return "EAAA" + rs(B64U, 60)


def braintree():
    return f"access_token$production${rs(LA, 16)}${hexs(32)}"


def lwa_secret():
    return "amzn1.oa2-cs.v1." + hexs(64)


def trello_token():
    return "ATTA" + hexs(64) + rs(HEXU, 8)


def ngrok():
    return "2" + rs(B62, 26) + "_" + rs(B62, 21)


def tailscale():
    return f"tskey-auth-k{rs(B62, 10)}CNTRL-{rs(B62, 33)}"


def sidekiq():
    return f"{hexs(8)}:{hexs(8)}"


def ghost_admin():
    return f"{hexs(24)}:{hexs(64)}"


def bitwarden():
    return f"0.{uuid4()}.{rs(B62, 30)}:{b64e(rbytes(16))}"


def infisical():
    return f"st.{uuid4()}.{hexs(32)}.{hexs(32)}"


def clickup():
    return f"pk_{R.randint(10**7, 10**9)}_{rs(UA, 32)}"


def ably():
    return f"{rs(B64U, 6)}.{rs(B64U, 6)}:{rs(B64U, 43)}"


def akamai_token():
    return f"akab-{rs(LA, 16)}-{rs(LA, 16)}"


def maxmind():
    return f"{rs(B62, 6)}_{rs(B62, 29)}_mmk"


def cloudinary_url():
    return f"cloudinary://{rs(DIG, 15)}:{rs(B64U, 27)}@{rs(LOW, 8)}"


def wp_app_password():
    return " ".join(rs(B62, 4) for _ in range(6))


def bedrock_key():
    raw = b"BedrockAPIKey-" + rs(LA, 4).encode() + b"-at-" + rs(DIG, 12).encode() + b":" + b64e(rbytes(48)).encode()
    return "ABSK" + b64e(raw)


def gcp_oauth_secret():
    return "GOCSPX-" + rs(B64U, 28)


def ya29():
    return "ya29.a0" + rs(B64U, 150)


def fcm_server_key():
    return f"AAAA{rs(B64U, 7)}:APA91b{rs(B64U, 134)}"


def zoho_refresh():
    return f"1000.{hexs(32)}.{hexs(32)}"


def salesforce_session():
    return f"00D{rs(B62, 12)}!AR{rs(B62 + '.', 90)}"


def teamcity():
    return "eyJ0eXAiOiAiVENWMiJ9." + rs(B64U, 36) + "." + rs(B64U, 48)


def rancher():
    return f"token-{rs(LA, 5)}:{rs(LA, 54)}"


def mailgun_new():
    return f"{hexs(32)}-{hexs(8)}-{hexs(8)}"


def azure_devops_pat():
    return rs(LOW + "234567", 52)


def pinecone():
    return f"pcsk_{rs(B62, 6)}_{rs(B62, 63)}"


def langsmith():
    return f"lsv2_pt_{hexs(32)}_{hexs(10)}"


def circleci():
    return f"CCIPAT_{rs(B62, 22)}_{hexs(40)}"


def tencent_pair():
    return "AKID" + rs(B62, 32), rs(B62, 32)


def woo_pair():
    return "ck_" + hexs(40), "cs_" + hexs(40)


def P(pid, cat, env, gen, url, host=None, pair=None):
    return {"id": pid, "cat": cat, "env": env, "gen": gen, "url": url, "host": host, "pair": pair}


G, B = "gitleaks-types", "beyond-types"

# id, category, canonical variable name, value generator, documentation of the format, API host, paired id
PROVIDERS = [
    P("aws-access-key", G, "AWS_SECRET_ACCESS_KEY", None, "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", "sts.amazonaws.com", pair=("AWS_ACCESS_KEY_ID", aws_pair)),
    P("github-pat", G, "GITHUB_TOKEN", lambda: gh_token("ghp_"), "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/", "api.github.com"),
    P("github-oauth", G, "GITHUB_OAUTH_TOKEN", lambda: gh_token("gho_"), "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats", "api.github.com"),
    P("github-app-installation", G, "GH_APP_INSTALLATION_TOKEN", lambda: gh_token("ghs_"), "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats", "api.github.com"),
    P("github-app-user", G, "GH_USER_TO_SERVER_TOKEN", lambda: gh_token("ghu_"), "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats", "api.github.com"),
    P("github-refresh", G, "GITHUB_REFRESH_TOKEN", lambda: gh_token("ghr_") + b62(36), "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens", "github.com"),
    P("github-fine-grained-pat", G, "GH_PAT", lambda: "github_pat_" + b62(22) + "_" + b62(59), "https://github.blog/security/application-security/introducing-fine-grained-personal-access-tokens-for-github/", "api.github.com"),
    P("gitlab-pat", G, "GITLAB_TOKEN", lambda: "glpat-" + rs(B64U, 20), "https://docs.gitlab.com/ee/security/tokens/#token-prefixes", "gitlab.com"),
    P("gitlab-runner", G, "RUNNER_AUTH_TOKEN", lambda: "glrt-" + rs(B64U, 20), "https://docs.gitlab.com/ee/security/tokens/#token-prefixes", "gitlab.com"),
    P("gitlab-deploy", G, "GITLAB_DEPLOY_TOKEN", lambda: "gldt-" + rs(B64U, 20), "https://docs.gitlab.com/ee/security/tokens/#token-prefixes", "gitlab.com"),
    P("gitlab-pipeline-trigger", G, "GITLAB_TRIGGER_TOKEN", lambda: "glptt-" + hexs(40), "https://docs.gitlab.com/ee/security/tokens/#token-prefixes", "gitlab.com"),
    P("slack-bot", G, "SLACK_BOT_TOKEN", slack_bot, "https://api.slack.com/authentication/token-types", "slack.com"),
    P("slack-user", G, "SLACK_USER_TOKEN", slack_user, "https://api.slack.com/authentication/token-types", "slack.com"),
    P("slack-app", G, "SLACK_APP_TOKEN", slack_app, "https://api.slack.com/authentication/token-types#app-level", "slack.com"),
    P("stripe-secret", G, "STRIPE_SECRET_KEY", lambda: "sk_live_" + b62(99), "https://docs.stripe.com/keys", "api.stripe.com"),
    P("stripe-restricted", G, "STRIPE_RESTRICTED_KEY", lambda: "rk_live_" + b62(24), "https://docs.stripe.com/keys#limit-access", "api.stripe.com"),
    P("twilio-api-key", G, "TWILIO_API_SECRET", lambda: rs(B62, 32), "https://www.twilio.com/docs/iam/api-keys", "api.twilio.com", pair=("TWILIO_API_KEY", lambda: "SK" + hexs(32))),
    P("twilio-auth-token", G, "TWILIO_AUTH_TOKEN", lambda: hexs(32), "https://www.twilio.com/docs/iam/credentials/api", "api.twilio.com", pair=("TWILIO_ACCOUNT_SID", lambda: "AC" + hexs(32))),
    P("sendgrid", G, "SENDGRID_API_KEY", lambda: f"SG.{rs(B64U, 22)}.{rs(B64U, 43)}", "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys", "api.sendgrid.com"),
    P("mailgun", G, "MAILGUN_API_KEY", mailgun_new, "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/", "api.mailgun.net"),
    P("mailchimp", G, "MAILCHIMP_API_KEY", lambda: hexs(32) + "-us" + str(R.randint(1, 21)), "https://mailchimp.com/developer/marketing/guides/quick-start/", "us6.api.mailchimp.com"),
    P("npm", G, "NPM_TOKEN", npm_token, "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/", "registry.npmjs.org"),
    P("pypi", G, "PYPI_API_TOKEN", pypi_token, "https://pypi.org/help/#apitoken", "upload.pypi.org"),
    P("shopify-access", G, "SHOPIFY_ACCESS_TOKEN", lambda: "shpat_" + hexs(32), "https://shopify.dev/docs/apps/build/authentication-authorization/access-token-types", "example-store.myshopify.com"),
    P("shopify-shared-secret", G, "SHOPIFY_API_SECRET", lambda: "shpss_" + hexs(32), "https://shopify.dev/docs/apps/build/authentication-authorization/client-secrets", "example-store.myshopify.com"),
    P("digitalocean-pat", G, "DIGITALOCEAN_TOKEN", lambda: "dop_v1_" + hexs(64), "https://docs.digitalocean.com/reference/api/create-personal-access-token/", "api.digitalocean.com"),
    P("digitalocean-oauth", G, "DO_OAUTH_TOKEN", lambda: "doo_v1_" + hexs(64), "https://docs.digitalocean.com/reference/api/oauth/", "api.digitalocean.com"),
    P("doppler", G, "DOPPLER_TOKEN", doppler, "https://docs.doppler.com/reference/auth-token-formats", "api.doppler.com"),
    P("vault-service-token", G, "VAULT_TOKEN", vault_service, "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", "vault.internal:8200"),
    P("terraform-cloud", G, "TFE_TOKEN", tfc_token, "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens", "app.terraform.io"),
    P("openai-project", G, "OPENAI_API_KEY", openai_project_key, "https://platform.openai.com/docs/api-reference/authentication", "api.openai.com"),
    P("openai-legacy", G, "OPENAI_KEY", openai_legacy_key, "https://help.openai.com/en/articles/4936850-where-do-i-find-my-openai-api-key", "api.openai.com"),
    P("anthropic", G, "ANTHROPIC_API_KEY", anthropic_key, "https://docs.anthropic.com/en/api/getting-started#authentication", "api.anthropic.com"),
    P("gcp-api-key", G, "GOOGLE_API_KEY", lambda: "AIza" + rs(B64U, 35), "https://cloud.google.com/docs/authentication/api-keys", "generativelanguage.googleapis.com"),
    P("newrelic-user", G, "NEW_RELIC_API_KEY", lambda: "NRAK-" + rs(UA, 27), "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/", "api.newrelic.com"),
    P("newrelic-license", G, "NEW_RELIC_LICENSE_KEY", lambda: hexs(36) + "NRAL", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key", "collector.newrelic.com"),
    P("datadog-api", G, "DD_API_KEY", lambda: hexs(32), "https://docs.datadoghq.com/account_management/api-app-keys/", "api.datadoghq.com"),
    P("datadog-app", G, "DATADOG_APP_KEY", lambda: hexs(40), "https://docs.datadoghq.com/account_management/api-app-keys/#application-keys", "api.datadoghq.com"),
    P("sentry-org-token", G, "SENTRY_AUTH_TOKEN", sentry_org_token, "https://docs.sentry.io/account/auth-tokens/", "sentry.io"),
    P("sentry-user-token", G, "SENTRY_USER_TOKEN", lambda: "sntryu_" + hexs(64), "https://docs.sentry.io/account/auth-tokens/#user-auth-tokens", "sentry.io"),
    P("linear", G, "LINEAR_API_KEY", lambda: "lin_api_" + b62(40), "https://developers.linear.app/docs/graphql/working-with-the-graphql-api#personal-api-keys", "api.linear.app"),
    P("postman", G, "POSTMAN_API_KEY", lambda: f"PMAK-{hexs(24)}-{hexs(34)}", "https://learning.postman.com/docs/developer/postman-api/authentication/", "api.getpostman.com"),
    P("pulumi", G, "PULUMI_ACCESS_TOKEN", lambda: "pul-" + hexs(40), "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/", "api.pulumi.com"),
    P("planetscale-token", G, "PLANETSCALE_SERVICE_TOKEN", lambda: "pscale_tkn_" + rs(B64U, 43), "https://planetscale.com/docs/concepts/service-tokens", "api.planetscale.com"),
    P("planetscale-password", G, "PLANETSCALE_DB_PASSWORD", lambda: "pscale_pw_" + rs(B64U, 43), "https://planetscale.com/docs/concepts/connection-strings", "aws.connect.psdb.cloud"),
    P("databricks", G, "DATABRICKS_TOKEN", lambda: "dapi" + hexs(32), "https://docs.databricks.com/en/dev-tools/auth/pat.html", "adb-1234567890123456.7.azuredatabricks.net"),
    P("dynatrace", G, "DT_API_TOKEN", dynatrace, "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens#token-format", "abc12345.live.dynatrace.com"),
    P("grafana-service-account", G, "GRAFANA_SA_TOKEN", lambda: f"glsa_{b62(32)}_{hexs(8)}", "https://grafana.com/docs/grafana/latest/administration/service-accounts/", "grafana.internal"),
    P("grafana-cloud", G, "GRAFANA_CLOUD_TOKEN", grafana_cloud_token, "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/", "grafana.net"),
    P("huggingface", G, "HF_TOKEN", lambda: "hf_" + rs(UP + LOW, 34), "https://huggingface.co/docs/hub/security-tokens", "huggingface.co"),
    P("atlassian", G, "JIRA_API_TOKEN", atlassian_api_token, "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/", "acme.atlassian.net"),
    P("telegram-bot", G, "TELEGRAM_BOT_TOKEN", telegram_bot, "https://core.telegram.org/bots/api#authorizing-your-bot", "api.telegram.org"),
    P("discord-bot", G, "DISCORD_BOT_TOKEN", discord_bot, "https://discord.com/developers/docs/reference#authentication", "discord.com"),
    P("age", G, "SOPS_AGE_KEY", age_key, "https://age-encryption.org/v1", None),
    P("adafruit", G, "ADAFRUIT_IO_KEY", lambda: "aio_" + b62(28), "https://io.adafruit.com/api/docs/#authentication", "io.adafruit.com"),
    P("airtable", G, "AIRTABLE_TOKEN", lambda: f"pat{b62(14)}.{hexs(64)}", "https://airtable.com/developers/web/guides/personal-access-tokens", "api.airtable.com"),
    P("alibaba", G, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", lambda: b62(30), "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", "ecs.aliyuncs.com", pair=("ALIBABA_CLOUD_ACCESS_KEY_ID", lambda: "LTAI" + b62(20))),
    P("asana", G, "ASANA_PAT", lambda: f"2/{rs(DIG, 16)}/{rs(DIG, 16)}:{hexs(32)}", "https://developers.asana.com/docs/personal-access-token", "app.asana.com"),
    P("bitbucket-app-password", G, "BITBUCKET_APP_PASSWORD", lambda: "ATBB" + b62(32) + rs(HEXU, 8), "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/", "api.bitbucket.org"),
    P("clojars", G, "CLOJARS_DEPLOY_TOKEN", lambda: "CLOJARS_" + hexs(60), "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens", "clojars.org"),
    P("cloudflare-api-token", G, "CLOUDFLARE_API_TOKEN", lambda: rs(B64U, 40), "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/", "api.cloudflare.com"),
    P("cloudflare-global-key", G, "CLOUDFLARE_API_KEY", lambda: hexs(37), "https://developers.cloudflare.com/fundamentals/api/get-started/keys/", "api.cloudflare.com"),
    P("cloudflare-origin-ca", G, "CF_ORIGIN_CA_KEY", lambda: "v1.0-" + hexs(24) + "-" + hexs(146), "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/", "api.cloudflare.com"),
    P("codecov", G, "CODECOV_TOKEN", uuid4, "https://docs.codecov.com/docs/codecov-tokens", "codecov.io"),
    P("contentful", G, "CONTENTFUL_MANAGEMENT_TOKEN", lambda: "CFPAT-" + rs(B64U, 43), "https://www.contentful.com/developers/docs/references/authentication/", "api.contentful.com"),
    P("defined-networking", G, "DN_API_KEY", lambda: f"dnkey-{rs(UA, 26)}-{rs(UA, 52)}", "https://docs.defined.net/guides/automating-host-creation/", "api.defined.net"),
    P("dropbox", G, "DROPBOX_ACCESS_TOKEN", lambda: "sl." + rs(B64U, 136), "https://developers.dropbox.com/oauth-guide", "api.dropboxapi.com"),
    P("duffel", G, "DUFFEL_ACCESS_TOKEN", lambda: "duffel_live_" + rs(B64U, 43), "https://duffel.com/docs/api/overview/making-requests/authentication", "api.duffel.com"),
    P("easypost", G, "EASYPOST_API_KEY", lambda: "EZAK" + b62(54), "https://docs.easypost.com/docs/authentication", "api.easypost.com"),
    P("facebook-token", G, "FB_ACCESS_TOKEN", fb_token, "https://developers.facebook.com/docs/facebook-login/guides/access-tokens", "graph.facebook.com"),
    P("facebook-app-secret", G, "FACEBOOK_APP_SECRET", lambda: hexs(32), "https://developers.facebook.com/docs/facebook-login/security#appsecret", "graph.facebook.com"),
    P("flutterwave", G, "FLW_SECRET_KEY", lambda: f"FLWSECK-{hexs(32)}-X", "https://developer.flutterwave.com/docs/integration-guides/authentication", "api.flutterwave.com"),
    P("frameio", G, "FRAMEIO_TOKEN", lambda: "fio-u-" + rs(B64U, 64), "https://developer.frame.io/docs/getting-started/authentication", "api.frame.io"),
    P("gocardless", G, "GOCARDLESS_ACCESS_TOKEN", lambda: "live_" + rs(B64U, 40), "https://developer.gocardless.com/getting-started/api/making-your-first-request/", "api.gocardless.com"),
    P("harness", G, "HARNESS_API_KEY", harness_pat, "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/", "app.harness.io"),
    P("hubspot", G, "HUBSPOT_ACCESS_TOKEN", lambda: "pat-na1-" + uuid4(), "https://developers.hubspot.com/docs/api/private-apps", "api.hubapi.com"),
    P("launchdarkly", G, "LD_API_KEY", lambda: "api-" + uuid4(), "https://docs.launchdarkly.com/home/account/api", "app.launchdarkly.com"),
    P("mapbox-secret", G, "MAPBOX_SECRET_TOKEN", mapbox_secret, "https://docs.mapbox.com/accounts/guides/tokens/", "api.mapbox.com"),
    P("netlify", G, "NETLIFY_AUTH_TOKEN", lambda: "nfp_" + b62(40), "https://docs.netlify.com/api/get-started/#authentication", "api.netlify.com"),
    P("octopus-deploy", G, "OCTOPUS_API_KEY", lambda: "API-" + rs(UA, 32), "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key", "octopus.internal"),
    P("okta", G, "OKTA_API_TOKEN", lambda: "00" + rs(B64U, 40), "https://developer.okta.com/docs/guides/create-an-api-token/main/", "acme.okta.com"),
    P("plaid", G, "PLAID_SECRET", lambda: hexs(30), "https://plaid.com/docs/api/#api-access", "production.plaid.com", pair=("PLAID_CLIENT_ID", lambda: hexs(24))),
    P("prefect", G, "PREFECT_API_KEY", lambda: "pnu_" + b62(36), "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys", "api.prefect.cloud"),
    P("readme", G, "README_API_KEY", lambda: "rdme_" + hexs(70), "https://docs.readme.com/main/reference/intro/authentication", "dash.readme.com"),
    P("rubygems", G, "GEM_HOST_API_KEY", lambda: "rubygems_" + hexs(48), "https://guides.rubygems.org/api-key-scopes/", "rubygems.org"),
    P("scalingo", G, "SCALINGO_API_TOKEN", lambda: "tk-us-" + rs(B64U, 48), "https://doc.scalingo.com/platform/cli/start#login-with-an-api-token", "api.osc-fr1.scalingo.com"),
    P("brevo", G, "BREVO_API_KEY", lambda: f"xkeysib-{hexs(64)}-{b62(16)}", "https://developers.brevo.com/docs/getting-started", "api.brevo.com"),
    P("shippo", G, "SHIPPO_API_TOKEN", lambda: "shippo_live_" + hexs(40), "https://docs.goshippo.com/docs/guides_general/authentication/", "api.goshippo.com"),
    P("sonarqube", G, "SONAR_TOKEN", lambda: "squ_" + hexs(40), "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/", "sonarqube.internal"),
    P("square", G, "SQUARE_ACCESS_TOKEN", square_token, "https://developer.squareup.com/docs/build-basics/access-tokens", "connect.squareup.com"),
    P("snyk", G, "SNYK_TOKEN", uuid4, "https://docs.snyk.io/snyk-api/authentication-for-api", "api.snyk.io"),
    P("sumologic", G, "SUMO_ACCESS_KEY", lambda: b62(64), "https://help.sumologic.com/docs/manage/security/access-keys/", "api.sumologic.com", pair=("SUMO_ACCESS_ID", lambda: "su" + b62(12))),
    P("twitch", G, "TWITCH_CLIENT_SECRET", lambda: rs(LA, 30), "https://dev.twitch.tv/docs/authentication/register-app/", "id.twitch.tv"),
    P("twitter-bearer", G, "TWITTER_BEARER_TOKEN", twitter_bearer, "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens", "api.twitter.com"),
    P("typeform", G, "TYPEFORM_TOKEN", lambda: "tfp_" + rs(B64U, 44) + "_" + b62(14), "https://www.typeform.com/developers/get-started/personal-access-token/", "api.typeform.com"),
    P("yandex-api-key", G, "YC_API_KEY", lambda: "AQVN" + rs(B64U, 36), "https://yandex.cloud/en/docs/iam/concepts/authorization/api-key", "llm.api.cloud.yandex.net"),
    P("zendesk", G, "ZENDESK_API_TOKEN", lambda: b62(40), "https://developer.zendesk.com/api-reference/introduction/security-and-auth/", "acme.zendesk.com"),
    P("azure-ad-client-secret", G, "AZURE_CLIENT_SECRET", azure_client_secret, "https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials", "login.microsoftonline.com"),
    P("1password-service-account", G, "OP_SERVICE_ACCOUNT_TOKEN", onepassword_sa, "https://developer.1password.com/docs/service-accounts/use-with-1password-cli/", None),
    P("artifactory-api-key", G, "ARTIFACTORY_API_KEY", lambda: "AKCp" + b62(69), "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key", "acme.jfrog.io"),
    P("perplexity", G, "PERPLEXITY_API_KEY", lambda: "pplx-" + b62(48), "https://docs.perplexity.ai/guides/getting-started", "api.perplexity.ai"),
    P("infracost", G, "INFRACOST_API_KEY", lambda: "ico-" + b62(32), "https://www.infracost.io/docs/integrations/environment_variables/", "pricing.api.infracost.io"),
    P("flyio", G, "FLY_API_TOKEN", lambda: "fo1_" + rs(B64U, 43), "https://fly.io/docs/security/tokens/", "api.fly.io"),
    P("sidekiq", G, "BUNDLE_ENTERPRISE__CONTRIBSYS__COM", sidekiq, "https://github.com/sidekiq/sidekiq/wiki/Commercial-FAQ", "enterprise.contribsys.com"),
    P("heroku", G, "HEROKU_API_KEY", heroku_key, "https://devcenter.heroku.com/articles/authentication", "api.heroku.com"),
    P("algolia-admin", G, "ALGOLIA_ADMIN_API_KEY", lambda: hexs(32), "https://www.algolia.com/doc/guides/security/api-keys/", "latency-dsn.algolia.net"),
    P("openshift", G, "OPENSHIFT_TOKEN", lambda: "sha256~" + rs(B64U, 43), "https://docs.redhat.com/en/documentation/openshift_container_platform/4.16/html/authentication_and_authorization/", "api.ocp.internal:6443"),
    P("cohere", G, "COHERE_API_KEY", lambda: b62(40), "https://docs.cohere.com/reference/about", "api.cohere.com"),
    P("maxmind", G, "MAXMIND_LICENSE_KEY", maxmind, "https://dev.maxmind.com/geoip/updating-databases/", "download.maxmind.com"),
    P("lob", G, "LOB_API_KEY", lambda: "live_" + hexs(35), "https://docs.lob.com/#tag/Authentication", "api.lob.com"),
    P("finnhub", G, "FINNHUB_API_KEY", lambda: rs(LA, 20), "https://finnhub.io/docs/api/authentication", "finnhub.io"),
    P("mattermost", G, "MATTERMOST_ACCESS_TOKEN", lambda: rs(LA, 26), "https://developers.mattermost.com/integrate/reference/personal-access-token/", "chat.internal"),
    P("messagebird", G, "MESSAGEBIRD_ACCESS_KEY", lambda: b62(25), "https://developers.messagebird.com/api/#authentication", "rest.messagebird.com"),
    P("gitter", G, "GITTER_TOKEN", lambda: hexs(40), "https://developer.gitter.im/docs/authentication", "api.gitter.im"),
    P("confluent", G, "CONFLUENT_CLOUD_API_SECRET", lambda: rs(B62 + "+/", 64), "https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html", "api.confluent.cloud", pair=("CONFLUENT_CLOUD_API_KEY", lambda: rs(UA, 16))),
    P("beamer", G, "BEAMER_API_KEY", lambda: "b_" + rs(B64U, 44), "https://www.getbeamer.com/api", "api.getbeamer.com"),
    # --- earlier shapes the same providers issued (issue 13: accept every shape ever issued)
    P("github-legacy-token", G, "GITHUB_API_TOKEN", lambda: hexs(40), "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/ (40-hex tokens before April 2021)", "api.github.com"),
    P("stripe-secret-legacy", G, "STRIPE_API_KEY", lambda: "sk_live_" + b62(24), "https://docs.stripe.com/keys (32-character secret keys issued before the long format)", "api.stripe.com"),
    P("gitlab-legacy-pat", G, "GITLAB_PRIVATE_TOKEN", lambda: rs(B64U, 20), "https://docs.gitlab.com/ee/security/tokens/#token-prefixes (no prefix before GitLab 14.5)", "gitlab.com"),
    P("npm-legacy-token", G, "NPM_AUTH_TOKEN", uuid4, "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/ (UUID tokens before)", "registry.npmjs.org"),
    P("mailgun-legacy", G, "MAILGUN_KEY", lambda: "key-" + hexs(32), "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/ (key- prefixed private keys)", "api.mailgun.net"),
    P("sentry-legacy-auth-token", G, "SENTRY_API_TOKEN", lambda: hexs(64), "https://docs.sentry.io/account/auth-tokens/ (64-hex tokens before the sntrys_/sntryu_ prefixes)", "sentry.io"),
    P("slack-legacy-bot", G, "SLACK_API_TOKEN", lambda: f"xoxb-{rs(DIG, 11)}-{b62(24)}", "https://api.slack.com/authentication/token-types (two-part bot tokens of older apps)", "slack.com"),
    P("digitalocean-legacy", G, "DO_API_TOKEN", lambda: hexs(64), "https://docs.digitalocean.com/reference/api/create-personal-access-token/ (64-hex tokens before the dop_v1_ prefix)", "api.digitalocean.com"),
    # --- providers gitleaks' documentation names no rule for
    P("notion", B, "NOTION_TOKEN", notion_token, "https://developers.notion.com/docs/authorization", "api.notion.com"),
    P("resend", B, "RESEND_API_KEY", lambda: f"re_{b62(8)}_{b62(24)}", "https://resend.com/docs/dashboard/api-keys/introduction", "api.resend.com"),
    P("supabase-access-token", B, "SUPABASE_ACCESS_TOKEN", lambda: "sbp_" + hexs(40), "https://supabase.com/docs/reference/api/introduction", "api.supabase.com"),
    P("supabase-secret-key", B, "SUPABASE_SECRET_KEY", lambda: "sb_secret_" + rs(B64U, 31), "https://supabase.com/docs/guides/api/api-keys", "xyzcompany.supabase.co"),
    P("render", B, "RENDER_API_KEY", lambda: "rnd_" + b62(28), "https://render.com/docs/api#1-create-an-api-key", "api.render.com"),
    P("neon", B, "NEON_API_KEY", lambda: "napi_" + rs(LA, 64), "https://neon.tech/docs/manage/api-keys", "console.neon.tech"),
    P("groq", B, "GROQ_API_KEY", lambda: "gsk_" + b62(52), "https://console.groq.com/docs/quickstart", "api.groq.com"),
    P("replicate", B, "REPLICATE_API_TOKEN", lambda: "r8_" + b62(37), "https://replicate.com/docs/reference/http#authentication", "api.replicate.com"),
    P("xai", B, "XAI_API_KEY", lambda: "xai-" + b62(80), "https://docs.x.ai/docs/overview", "api.x.ai"),
    P("langsmith", B, "LANGSMITH_API_KEY", langsmith, "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key", "api.smith.langchain.com"),
    P("pinecone", B, "PINECONE_API_KEY", pinecone, "https://docs.pinecone.io/guides/projects/manage-api-keys", "api.pinecone.io"),
    P("wandb", B, "WANDB_API_KEY", lambda: hexs(40), "https://docs.wandb.ai/guides/track/environment-variables/", "api.wandb.ai"),
    P("elevenlabs", B, "ELEVENLABS_API_KEY", lambda: "sk_" + hexs(48), "https://elevenlabs.io/docs/api-reference/authentication", "api.elevenlabs.io"),
    P("openrouter", B, "OPENROUTER_API_KEY", lambda: "sk-or-v1-" + hexs(64), "https://openrouter.ai/docs/api-reference/authentication", "openrouter.ai"),
    P("cerebras", B, "CEREBRAS_API_KEY", lambda: "csk-" + rs(LA, 48), "https://inference-docs.cerebras.ai/quickstart", "api.cerebras.ai"),
    P("tavily", B, "TAVILY_API_KEY", lambda: "tvly-" + b62(32), "https://docs.tavily.com/documentation/quickstart", "api.tavily.com"),
    P("firecrawl", B, "FIRECRAWL_API_KEY", lambda: "fc-" + hexs(32), "https://docs.firecrawl.dev/introduction", "api.firecrawl.dev"),
    P("deepseek", B, "DEEPSEEK_API_KEY", lambda: "sk-" + hexs(32), "https://api-docs.deepseek.com/", "api.deepseek.com"),
    P("mistral", B, "MISTRAL_API_KEY", lambda: b62(32), "https://docs.mistral.ai/getting-started/quickstart/", "api.mistral.ai"),
    P("together", B, "TOGETHER_API_KEY", lambda: hexs(64), "https://docs.together.ai/reference/authentication-1", "api.together.xyz"),
    P("posthog-personal", B, "POSTHOG_PERSONAL_API_KEY", lambda: "phx_" + b62(43), "https://posthog.com/docs/api#how-to-obtain-a-personal-api-key", "us.posthog.com"),
    P("circleci", B, "CIRCLECI_TOKEN", circleci, "https://circleci.com/docs/managing-api-tokens/", "circleci.com"),
    P("buildkite", B, "BUILDKITE_API_TOKEN", lambda: "bkua_" + hexs(40), "https://buildkite.com/docs/apis/managing-api-tokens", "api.buildkite.com"),
    P("dockerhub-pat", B, "DOCKERHUB_TOKEN", lambda: "dckr_pat_" + rs(B64U, 27), "https://docs.docker.com/security/for-developers/access-tokens/", "hub.docker.com"),
    P("azure-devops-pat", B, "AZURE_DEVOPS_EXT_PAT", azure_devops_pat, "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate", "dev.azure.com"),
    P("gcp-oauth-client-secret", B, "GOOGLE_CLIENT_SECRET", gcp_oauth_secret, "https://developers.google.com/identity/protocols/oauth2", "oauth2.googleapis.com"),
    P("google-oauth-access-token", B, "GOOGLE_ACCESS_TOKEN", ya29, "https://developers.google.com/identity/protocols/oauth2", "www.googleapis.com"),
    P("fcm-server-key", B, "FCM_SERVER_KEY", fcm_server_key, "https://firebase.google.com/docs/cloud-messaging/auth-server", "fcm.googleapis.com"),
    P("aws-bedrock-api-key", B, "AWS_BEARER_TOKEN_BEDROCK", bedrock_key, "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html", "bedrock-runtime.us-east-1.amazonaws.com"),
    P("mongodb-atlas-api", B, "MONGODB_ATLAS_PRIVATE_KEY", uuid4, "https://www.mongodb.com/docs/atlas/configure-api-access/", "cloud.mongodb.com", pair=("MONGODB_ATLAS_PUBLIC_KEY", lambda: rs(LOW, 8))),
    P("auth0-client-secret", B, "AUTH0_CLIENT_SECRET", lambda: rs(B64U, 64), "https://auth0.com/docs/get-started/applications/application-credentials", "acme.us.auth0.com", pair=("AUTH0_CLIENT_ID", lambda: b62(32))),
    P("vonage", B, "VONAGE_API_SECRET", lambda: b62(16), "https://developer.vonage.com/en/getting-started/concepts/authentication", "api.nexmo.com", pair=("VONAGE_API_KEY", lambda: hexs(8))),
    P("plivo", B, "PLIVO_AUTH_TOKEN", lambda: b62(40), "https://www.plivo.com/docs/getting-started/get-started/authentication", "api.plivo.com", pair=("PLIVO_AUTH_ID", lambda: "MA" + rs(UA, 18))),
    P("telnyx", B, "TELNYX_API_KEY", lambda: "KEY" + rs(UA, 32) + "_" + b62(22), "https://developers.telnyx.com/docs/development/authentication", "api.telnyx.com"),
    P("braintree", B, "BRAINTREE_ACCESS_TOKEN", braintree, "https://developer.paypal.com/braintree/docs/guides/authorization/overview", "api.braintreegateway.com"),
    P("razorpay", B, "RAZORPAY_KEY_SECRET", lambda: b62(24), "https://razorpay.com/docs/api/authentication/", "api.razorpay.com", pair=("RAZORPAY_KEY_ID", lambda: "rzp_live_" + b62(14))),
    P("paystack", B, "PAYSTACK_SECRET_KEY", lambda: "sk_live_" + hexs(40), "https://paystack.com/docs/api/authentication/", "api.paystack.co"),
    P("mollie", B, "MOLLIE_API_KEY", lambda: "live_" + b62(30), "https://docs.mollie.com/reference/authentication", "api.mollie.com"),
    P("checkout-com", B, "CKO_SECRET_KEY", lambda: "sk_sbox_" + rs(LA, 26), "https://www.checkout.com/docs/developer-resources/api/api-keys", "api.sandbox.checkout.com"),
    P("paddle", B, "PADDLE_API_KEY", lambda: "pdl_live_apikey_" + rs(LA, 26) + "_" + b62(27) + "_" + b62(3), "https://developer.paddle.com/api-reference/about/api-keys", "api.paddle.com"),
    P("zoho", B, "ZOHO_REFRESH_TOKEN", zoho_refresh, "https://www.zoho.com/crm/developer/docs/api/v7/refresh.html", "accounts.zoho.com"),
    P("salesforce", B, "SALESFORCE_ACCESS_TOKEN", salesforce_session, "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flows.htm", "acme.my.salesforce.com"),
    P("pipedrive", B, "PIPEDRIVE_API_TOKEN", lambda: hexs(40), "https://pipedrive.readme.io/docs/how-to-find-the-api-token", "api.pipedrive.com"),
    P("figma", B, "FIGMA_TOKEN", lambda: "figd_" + rs(B64U, 40), "https://www.figma.com/developers/api#access-tokens", "api.figma.com"),
    P("ghost-admin", B, "GHOST_ADMIN_API_KEY", ghost_admin, "https://ghost.org/docs/admin-api/#token-authentication", "blog.example.ghost.io"),
    P("wordpress-app-password", B, "WP_APPLICATION_PASSWORD", wp_app_password, "https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/", "blog.example.org"),
    P("mailersend", B, "MAILERSEND_API_KEY", lambda: "mlsn." + hexs(64), "https://developers.mailersend.com/general.html#authentication", "api.mailersend.com"),
    P("postmark", B, "POSTMARK_SERVER_TOKEN", uuid4, "https://postmarkapp.com/developer/api/overview#authentication", "api.postmarkapp.com"),
    P("sparkpost", B, "SPARKPOST_API_KEY", lambda: hexs(40), "https://developers.sparkpost.com/api/#header-authentication", "api.sparkpost.com"),
    P("mailjet", B, "MAILJET_SECRET_KEY", lambda: hexs(32), "https://dev.mailjet.com/email/guides/#authentication", "api.mailjet.com", pair=("MAILJET_API_KEY", lambda: hexs(32))),
    P("onesignal", B, "ONESIGNAL_REST_API_KEY", lambda: "os_v2_app_" + rs(LOW + "234567", 113), "https://documentation.onesignal.com/docs/keys-and-ids", "api.onesignal.com"),
    P("pusher", B, "PUSHER_APP_SECRET", lambda: hexs(20), "https://pusher.com/docs/channels/server_api/http-api/#authentication", "api-eu.pusher.com", pair=("PUSHER_APP_KEY", lambda: hexs(20))),
    P("ably", B, "ABLY_API_KEY", ably, "https://ably.com/docs/ids-and-keys/", "rest.ably.io"),
    P("agora", B, "AGORA_APP_CERTIFICATE", lambda: hexs(32), "https://docs.agora.io/en/video-calling/get-started/manage-agora-account#get-the-app-certificate", "api.agora.io"),
    P("spotify", B, "SPOTIFY_CLIENT_SECRET", lambda: hexs(32), "https://developer.spotify.com/documentation/web-api/concepts/apps", "accounts.spotify.com", pair=("SPOTIFY_CLIENT_ID", lambda: hexs(32))),
    P("trello", B, "TRELLO_TOKEN", trello_token, "https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/", "api.trello.com"),
    P("clickup", B, "CLICKUP_API_TOKEN", clickup, "https://developer.clickup.com/docs/authentication#personal-token", "api.clickup.com"),
    P("todoist", B, "TODOIST_API_TOKEN", lambda: hexs(40), "https://developer.todoist.com/rest/v2/#authorization", "api.todoist.com"),
    P("wakatime", B, "WAKATIME_API_KEY", lambda: "waka_" + uuid4(), "https://wakatime.com/developers#authentication", "wakatime.com"),
    P("tailscale", B, "TS_AUTHKEY", tailscale, "https://tailscale.com/kb/1085/auth-keys", "api.tailscale.com"),
    P("ngrok", B, "NGROK_AUTHTOKEN", ngrok, "https://ngrok.com/docs/agent/#authtokens", "api.ngrok.com"),
    P("semgrep", B, "SEMGREP_APP_TOKEN", lambda: hexs(64), "https://semgrep.dev/docs/semgrep-ci/ci-environment-variables", "semgrep.dev"),
    P("percy", B, "PERCY_TOKEN", lambda: hexs(64), "https://docs.percy.io/docs/environment-variables", "percy.io"),
    P("browserstack", B, "BROWSERSTACK_ACCESS_KEY", lambda: b62(20), "https://www.browserstack.com/docs/automate/selenium/getting-started/python", "hub.browserstack.com", pair=("BROWSERSTACK_USERNAME", lambda: rs(LOW, 8) + "_" + b62(6))),
    P("saucelabs", B, "SAUCE_ACCESS_KEY", uuid4, "https://docs.saucelabs.com/basics/environment-variables/", "ondemand.us-west-1.saucelabs.com"),
    P("cypress", B, "CYPRESS_RECORD_KEY", uuid4, "https://docs.cypress.io/cloud/account-management/projects#Record-key", "api.cypress.io"),
    P("vercel", B, "VERCEL_TOKEN", lambda: b62(24), "https://vercel.com/docs/rest-api#creating-an-access-token", "api.vercel.com"),
    P("linode", B, "LINODE_TOKEN", lambda: hexs(64), "https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens", "api.linode.com"),
    P("vultr", B, "VULTR_API_KEY", lambda: rs(UA, 36), "https://docs.vultr.com/platform/other/api/", "api.vultr.com"),
    P("hetzner", B, "HCLOUD_TOKEN", lambda: b62(64), "https://docs.hetzner.cloud/#authentication", "api.hetzner.cloud"),
    P("scaleway", B, "SCW_SECRET_KEY", uuid4, "https://www.scaleway.com/en/docs/iam/concepts/#api-key", "api.scaleway.com", pair=("SCW_ACCESS_KEY", lambda: "SCW" + rs(UA, 17))),
    P("ibm-cloud", B, "IBMCLOUD_API_KEY", lambda: rs(B64U, 44), "https://cloud.ibm.com/docs/account?topic=account-userapikey", "iam.cloud.ibm.com"),
    P("backblaze-b2", B, "B2_APPLICATION_KEY", lambda: "K005" + rs(B62 + "/+", 27), "https://www.backblaze.com/docs/cloud-storage-application-keys", "api.backblazeb2.com", pair=("B2_APPLICATION_KEY_ID", lambda: "005" + hexs(12) + "0000000" + rs(DIG, 3))),
    P("cloudinary", B, "CLOUDINARY_URL", cloudinary_url, "https://cloudinary.com/documentation/how_to_integrate_cloudinary#configure_the_sdk", "api.cloudinary.com"),
    P("pubnub", B, "PUBNUB_SECRET_KEY", lambda: "sec-c-" + rs(B62, 48), "https://www.pubnub.com/docs/general/setup/account-setup#configure-your-keyset", "ps.pndsn.com"),
    P("statsig", B, "STATSIG_SERVER_SECRET", lambda: "secret-" + b62(43), "https://docs.statsig.com/sdk-keys/api-keys", "api.statsig.com"),
    P("bitwarden-sm", B, "BWS_ACCESS_TOKEN", bitwarden, "https://bitwarden.com/help/access-tokens/", "api.bitwarden.com"),
    P("infisical", B, "INFISICAL_TOKEN", infisical, "https://infisical.com/docs/documentation/platform/token", "app.infisical.com"),
    P("stytch", B, "STYTCH_SECRET", lambda: "secret-live-" + rs(B64U, 43), "https://stytch.com/docs/api/authentication", "api.stytch.com"),
    P("akamai-edgegrid", B, "AKAMAI_CLIENT_SECRET", lambda: b64e(rbytes(33)), "https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials", "akab-abcdefghijklmnop.luna.akamaiapis.net", pair=("AKAMAI_ACCESS_TOKEN", akamai_token)),
    P("splunk-hec", B, "SPLUNK_HEC_TOKEN", uuid4, "https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector", "splunk.internal:8088"),
    P("elastic-api-key", B, "ELASTIC_API_KEY", lambda: b64e(f"{rs(B64U, 20)}:{rs(B64U, 22)}".encode()), "https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html", "acme.es.us-east-1.aws.found.io"),
    P("pagerduty", B, "PAGERDUTY_API_TOKEN", lambda: "u+" + rs(B64U, 18), "https://support.pagerduty.com/main/docs/api-access-keys", "api.pagerduty.com"),
    P("opsgenie", B, "OPSGENIE_API_KEY", uuid4, "https://support.atlassian.com/opsgenie/docs/api-key-management/", "api.opsgenie.com"),
    P("uptimerobot", B, "UPTIMEROBOT_API_KEY", lambda: f"u{rs(DIG, 7)}-{hexs(24)}", "https://uptimerobot.com/api/", "api.uptimerobot.com"),
    P("woocommerce", B, "WC_CONSUMER_SECRET", None, "https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication", "shop.example.org", pair=("WC_CONSUMER_KEY", woo_pair)),
    P("amazon-lwa", B, "LWA_CLIENT_SECRET", lwa_secret, "https://developer.amazon.com/docs/login-with-amazon/security-profile.html", "api.amazon.com"),
    P("jenkins", B, "JENKINS_API_TOKEN", lambda: "11" + hexs(32), "https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/", "jenkins.internal"),
    P("teamcity", B, "TEAMCITY_TOKEN", teamcity, "https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens", "teamcity.internal"),
    P("rancher", B, "RANCHER_TOKEN", rancher, "https://ranchermanager.docs.rancher.com/reference-guides/user-settings/api-keys", "rancher.internal"),
    P("portainer", B, "PORTAINER_API_KEY", lambda: "ptr_" + rs(B64U + "=", 43), "https://docs.portainer.io/api/access", "portainer.internal:9443"),
    P("consul", B, "CONSUL_HTTP_TOKEN", uuid4, "https://developer.hashicorp.com/consul/docs/security/acl/tokens", "consul.internal:8500"),
    P("deepsource", B, "DEEPSOURCE_DSN", lambda: f"https://{hexs(32)}@app.deepsource.com", "https://docs.deepsource.com/docs/cli#setting-up-the-dsn", "app.deepsource.com"),
    P("gitguardian", B, "GITGUARDIAN_API_KEY", lambda: hexs(64), "https://docs.gitguardian.com/api-docs/authentication", "api.gitguardian.com"),
    P("expo", B, "EXPO_TOKEN", lambda: rs(B64U, 40), "https://docs.expo.dev/accounts/programmatic-access/", "api.expo.dev"),
    P("dingtalk", B, "DINGTALK_SECRET", lambda: "SEC" + hexs(64), "https://open.dingtalk.com/document/robots/customize-robot-security-settings", "oapi.dingtalk.com"),
    P("tencent-cloud", B, "TENCENTCLOUD_SECRET_KEY", None, "https://www.tencentcloud.com/document/product/598/32675", "cvm.tencentcloudapi.com", pair=("TENCENTCLOUD_SECRET_ID", tencent_pair)),
    P("huawei-cloud", B, "HUAWEICLOUD_SDK_SK", lambda: b62(40), "https://support.huaweicloud.com/intl/en-us/usermanual-ca/ca_01_0003.html", "iam.myhuaweicloud.com", pair=("HUAWEICLOUD_SDK_AK", lambda: rs(UA, 20))),
    P("volcengine", B, "VOLCENGINE_SECRET_KEY", lambda: b64e(rbytes(45)), "https://www.volcengine.com/docs/6291/65568", "open.volcengineapi.com", pair=("VOLCENGINE_ACCESS_KEY", lambda: "AKLT" + rs(B64U, 40))),
    P("assemblyai", B, "ASSEMBLYAI_API_KEY", lambda: hexs(32), "https://www.assemblyai.com/docs/api-reference/overview#authorization", "api.assemblyai.com"),
    P("deepgram", B, "DEEPGRAM_API_KEY", lambda: hexs(40), "https://developers.deepgram.com/docs/create-additional-api-keys", "api.deepgram.com"),
    P("openweather", B, "OPENWEATHERMAP_API_KEY", lambda: hexs(32), "https://openweathermap.org/appid", "api.openweathermap.org"),
    P("etherscan", B, "ETHERSCAN_API_KEY", lambda: rs(UA, 34), "https://docs.etherscan.io/getting-started/viewing-api-usage-statistics", "api.etherscan.io"),
    P("infura", B, "INFURA_API_KEY_SECRET", lambda: hexs(32), "https://docs.metamask.io/services/how-to/secure-an-api-key/api-key-secret/", "mainnet.infura.io"),
    P("alchemy", B, "ALCHEMY_API_KEY", lambda: rs(B64U, 32), "https://docs.alchemy.com/reference/api-overview", "eth-mainnet.g.alchemy.com"),
    P("coinmarketcap", B, "CMC_PRO_API_KEY", uuid4, "https://coinmarketcap.com/api/documentation/v1/#section/Authentication", "pro-api.coinmarketcap.com"),
    P("segment", B, "SEGMENT_WRITE_KEY", lambda: b62(32), "https://segment.com/docs/connections/find-writekey/", "api.segment.io"),
    P("bugsnag", B, "BUGSNAG_API_KEY", lambda: hexs(32), "https://docs.bugsnag.com/product/getting-started/#set-up-your-project", "notify.bugsnag.com"),
    P("rollbar", B, "ROLLBAR_ACCESS_TOKEN", lambda: hexs(32), "https://docs.rollbar.com/docs/access-tokens", "api.rollbar.com"),
    P("honeycomb", B, "HONEYCOMB_API_KEY", lambda: "hcaik_" + rs(LA, 58), "https://docs.honeycomb.io/get-started/configure/environments/manage-api-keys/", "api.honeycomb.io"),
    P("mux", B, "MUX_TOKEN_SECRET", lambda: rs(B62 + "/+", 75), "https://docs.mux.com/core/make-api-requests#http-basic-auth", "api.mux.com", pair=("MUX_TOKEN_ID", uuid4)),
    P("workos", B, "WORKOS_API_KEY", lambda: "sk_live_" + rs(B62, 60), "https://workos.com/docs/reference/api-keys", "api.workos.com"),
    P("clerk", B, "CLERK_SECRET_KEY", lambda: "sk_live_" + b62(40), "https://clerk.com/docs/deployments/clerk-environment-variables", "api.clerk.com"),
    P("lemonsqueezy", B, "LEMONSQUEEZY_API_KEY", lambda: jwt({"aud": "1", "jti": hexs(80), "iat": R.randint(1_700_000_000, 1_760_000_000), "sub": str(R.randint(10000, 999999)), "scopes": []}, alg="HS256"), "https://docs.lemonsqueezy.com/api/getting-started/requests#authentication", "api.lemonsqueezy.com"),
    P("bigcommerce", B, "BIGCOMMERCE_ACCESS_TOKEN", lambda: rs(LA, 31), "https://developer.bigcommerce.com/docs/start/authentication/api-accounts", "api.bigcommerce.com"),
    P("webflow", B, "WEBFLOW_API_TOKEN", lambda: hexs(64), "https://developers.webflow.com/data/reference/authentication", "api.webflow.com"),
    P("sanity", B, "SANITY_API_TOKEN", lambda: "sk" + b62(180), "https://www.sanity.io/docs/http-auth", "api.sanity.io"),
    P("contentstack", B, "CONTENTSTACK_MANAGEMENT_TOKEN", lambda: "cs" + hexs(32), "https://www.contentstack.com/docs/developers/create-tokens/about-management-tokens", "api.contentstack.io"),
    P("storyblok", B, "STORYBLOK_OAUTH_TOKEN", lambda: b62(22) + "-" + rs(DIG, 6) + "-" + b62(20), "https://www.storyblok.com/docs/api/management/getting-started/authentication", "mapi.storyblok.com"),
    P("calendly", B, "CALENDLY_TOKEN", lambda: jwt({"iss": "https://auth.calendly.com", "iat": R.randint(1_700_000_000, 1_760_000_000), "jti": uuid4(), "user_uuid": uuid4()}), "https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens", "api.calendly.com"),
    P("spacelift", B, "SPACELIFT_API_KEY_SECRET", lambda: hexs(64), "https://docs.spacelift.io/integrations/api#spacelift-api-key-token", "acme.app.spacelift.io", pair=("SPACELIFT_API_KEY_ID", lambda: rs(UA, 26))),
]
