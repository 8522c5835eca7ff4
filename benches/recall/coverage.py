#!/usr/bin/env python3
"""Which providers that secret scanners cover have no gate rule.

The list below is the provider column of GitHub's "Supported secret scanning
patterns" page (partner and user patterns, public docs:
https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns),
with the kinds of secret each one issues summarised. A provider counts as
covered when its name (letters and digits only, lower case), or one of its
aliases, appears in a rule id, keyword, tag or rule file name under
rules/secrets/. The report lists the uncovered ones, by first letter.

    python3 benches/recall/coverage.py            # every uncovered provider
    python3 benches/recall/coverage.py --range A-L
    python3 benches/recall/coverage.py --covered  # the matched rules too
"""

import argparse
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]

# (provider, what it issues), from GitHub's supported-patterns table.
PROVIDERS = [
    ('1Password', '1Password Service Account Token'),
    ('Adafruit', 'Adafruit IO Key'),
    ('Adobe', 'Adobe Client Secret; Device Token; PAC Token; Refresh Token; Service Token; Short-Lived Access Token'),
    ('Aikido', 'Aikido API Client Secret; CI Scanning Token'),
    ('Airtable', 'Airtable API Key; Personal Access Token'),
    ('Aiven', 'Aiven Auth Token; Service Password'),
    ('Alibaba', 'Alibaba Cloud AccessKey ID and Secret'),
    ('Amazon AWS', 'AWS Access Key ID; Secret Access Key; Session Token'),
    ('Anthropic', 'Anthropic Admin API Key; API Key'),
    ('Apify', 'Apify API Token; Proxy Password'),
    ('Asaas', 'Asaas API Token'),
    ('Asana', 'Asana Personal Access Token'),
    ('Atlassian', 'Atlassian API Token; JSON Web Token'),
    ('Authress', 'Authress Service Client Access Key'),
    ('Azure', 'Azure AD Application Secret; AI/Cognitive Services keys; APIM keys; App Configuration; Batch; Cache for Redis; Communication Services; Cosmos DB; DevOps PAT; Event Grid; Event Hub; Function Key; IoT; Maps; ML; OpenAI; Relay; SAS Token; Search; Service Bus; SignalR; SQL; Storage Account Key; Web PubSub'),
    ('Baidu', 'Baidu AI API Key; Cloud API Access Key'),
    ('Beamer', 'Beamer API Key'),
    ('Bitbucket', 'Bitbucket Server Personal Access Token'),
    ('Bitrise', 'Bitrise Personal Access Token; Workspace API Token'),
    ('Block Protocol', 'Block Protocol API Key'),
    ('Brevo', 'Sendinblue API Key; SMTP Key'),
    ('Buildkite', 'Buildkite Agent, Cluster, Packages, Portal and User Access Tokens'),
    ('Canadian Digital Service', 'CDS Notify API Key'),
    ('Canva', 'Canva App Secret; Connect API Secret'),
    ('Cashfree', 'Cashfree API Key'),
    ('Cfx.re', 'Cfx.re Server Key'),
    ('Checkout.com', 'Checkout.com Secret Keys'),
    ('Chief Tools', 'Chief Tools Token'),
    ('CircleCI', 'CircleCI Personal and Project Access Tokens'),
    ('Clojars', 'Clojars Deploy Token'),
    ('Cloudflare', 'Cloudflare API Tokens; Global API Key'),
    ('Cockroach Labs', 'CockroachDB Cloud API Key'),
    ('Cohere', 'Cohere API Key'),
    ('Contentful', 'Contentful Personal Access Token'),
    ('Coveo', 'Coveo Access Token; API Key'),
    ('crates.io', 'Crates.io API Token'),
    ('Databento', 'Databento API Key'),
    ('Databricks', 'Databricks API and OAuth Tokens'),
    ('Datadog', 'Datadog API Key; Application Key'),
    ('Datastax', 'Datastax AstraCS Token'),
    ('DeepSeek', 'DeepSeek API Key'),
    ('Defined Networking', 'Managed Nebula API Key'),
    ('DevCycle', 'DevCycle Client, Mobile and Server API Keys'),
    ('DigitalOcean', 'DigitalOcean OAuth, Personal Access, Refresh Tokens'),
    ('Discord', 'Discord Bot Token'),
    ('Docker', 'Docker Personal and Organization Access Tokens; Swarm tokens'),
    ('Doppler', 'Doppler Tokens'),
    ('Dropbox', 'Dropbox Access Token'),
    ('Duffel', 'Duffel Access Tokens'),
    ('Dynatrace', 'Dynatrace API Token'),
    ('EasyPost', 'EasyPost API Keys'),
    ('eBay', 'eBay Client ID and Secret'),
    ('Elastic', 'Elastic Cloud API Key; Stack API Key'),
    ('Facebook', 'Facebook Access Token'),
    ('Fastly', 'Fastly API Token'),
    ('Fieldguide', 'Fieldguide API Token'),
    ('Figma', 'Figma Personal Access Token; SCIM Token'),
    ('Finicity', 'Finicity App Key'),
    ('Firebase', 'Firebase Cloud Messaging Server Key'),
    ('Flickr', 'Flickr API Key'),
    ('Flutterwave', 'Flutterwave API Secret Keys'),
    ('Frame.io', 'Frame.io Developer Token'),
    ('FullStory', 'FullStory API Key'),
    ('GitHub', 'GitHub Tokens'),
    ('GitLab', 'GitLab Tokens'),
    ('GoCardless', 'GoCardless Access Tokens'),
    ('Google', 'Google API Key; OAuth; Service Account; Gemini'),
    ('Grafana', 'Grafana Cloud API Key / Token; Service Account Token'),
    ('Groq', 'Groq API Key'),
    ('GuardSquare', 'GuardSquare AppSweep API Key; CLI Access Token'),
    ('Hack Club', 'Hack Club AI Key'),
    ('HashiCorp', 'Vault Tokens; Terraform Cloud API Token'),
    ('hCaptcha', 'hCaptcha Siteverify Secret'),
    ('Heroku', 'Heroku Platform API Token'),
    ('Highnote', 'Highnote Keys'),
    ('HOP', 'HOP Bearer / PAT / PTK'),
    ('Hubspot', 'Hubspot API Key; Private App Token'),
    ('Hugging Face', 'Hugging Face Tokens'),
    ('IBM', 'IBM Cloud IAM Key'),
    ('Intercom', 'Intercom Access Token'),
    ('Ionic', 'Ionic Personal Access Token'),
    ('Iterative', 'DVC Studio Access Token'),
    ('JFrog', 'JFrog Platform Tokens'),
    ('Langchain', 'LangSmith Keys'),
    ('Lark', 'Lark App Secret'),
    ('LaunchDarkly', 'LaunchDarkly API Token'),
    ('Lichess', 'Lichess Tokens'),
    ('Lightspeed', 'Lightspeed Personal Access Token'),
    ('Limbar', 'Limbar Token'),
    ('Linear', 'Linear API Key; OAuth Token'),
    ('LinkedIn', 'LinkedIn Client Secret'),
    ('Lob', 'Lob API Keys'),
    ('Localstack', 'Localstack API Key'),
    ('LogicMonitor', 'LogicMonitor Bearer Token; LMv1 Access Key'),
    ('Login with Amazon', 'Amazon OAuth Client Secret'),
    ('Mailchimp', 'Mailchimp API Key; Mandrill API Key'),
    ('Mailersend', 'Mailersend API Token'),
    ('Mailgun', 'Mailgun API Key'),
    ('Mapbox', 'Mapbox Secret Access Token'),
    ('MaxMind', 'MaxMind License Key'),
    ('Meraki', 'Meraki Dashboard API Key'),
    ('Mercury', 'Mercury API Token'),
    ('Mergify', 'Mergify Application Key'),
    ('MessageBird', 'MessageBird API Key'),
    ('Microsoft', 'Power Automate Webhook SAS'),
    ('Midtrans', 'Midtrans Server Key'),
    ('Mistral AI', 'Mistral AI API Key'),
    ('MongoDB', 'MongoDB Atlas URI; Service Account Secret'),
    ('Naver Cloud', 'Naver Cloud Access Keys'),
    ('Neon', 'Neon API Key'),
    ('Netflix', 'Netflix NetKey'),
    ('New Relic', 'New Relic Keys'),
    ('Notion', 'Notion Tokens'),
    ('npm', 'npm Access Token'),
    ('NuGet', 'NuGet API Key'),
    ('Octopus Deploy', 'Octopus Deploy API Key'),
    ('Oculus', 'Oculus Access Token'),
    ('OneChronos', 'OneChronos Keys'),
    ('OneSignal', 'OneSignal API Key'),
    ('Onfido', 'Onfido API Tokens'),
    ('OpenAI', 'OpenAI API Key'),
    ('OpenRouter', 'OpenRouter API Key'),
    ('OpenVSX', 'OpenVSX Access Token'),
    ('Openweather', 'Openweather API Key'),
    ('Oracle', 'Oracle API Key'),
    ('Orbit', 'Orbit API Token'),
    ('Paddle', 'Paddle API Key'),
    ('PagerDuty', 'PagerDuty OAuth'),
    ('Palantir', 'Palantir JWT'),
    ('Pangea', 'Pangea Token'),
    ('Perplexity', 'Perplexity API Key'),
    ('Persona', 'Persona API Keys'),
    ('Pinecone', 'Pinecone API Key'),
    ('Pinterest', 'Pinterest Tokens'),
    ('PlanetScale', 'PlanetScale Tokens and Passwords'),
    ('Planning Center', 'Planning Center Tokens'),
    ('Plivo', 'Plivo Auth ID and Token'),
    ('Polar', 'Polar Tokens'),
    ('PostHog', 'PostHog Keys'),
    ('Postman', 'Postman API Key'),
    ('Prefect', 'Prefect API Keys'),
    ('Proctorio', 'Proctorio Keys'),
    ('Proof', 'Proof API Key'),
    ('Pulumi', 'Pulumi Access Token'),
    ('PyPI', 'PyPI API Token'),
    ('Rainforest Pay', 'Rainforest API Key'),
    ('Ramp', 'Ramp OAuth Secrets'),
    ('Raycast', 'Raycast Access Token'),
    ('ReadMe', 'ReadMe API Key'),
    ('redirect.pizza', 'redirect.pizza API Token'),
    ('Replicate', 'Replicate API Token'),
    ('Rootly', 'Rootly API Key'),
    ('RubyGems', 'RubyGems API Key'),
    ('RunPod', 'RunPod API Key'),
    ('Salesforce', 'Salesforce Tokens'),
    ('Samsara', 'Samsara Tokens'),
    ('Scalr', 'Scalr API Token'),
    ('Segment', 'Segment Public API Token'),
    ('SendGrid', 'SendGrid API Key'),
    ('Sentry', 'Sentry Tokens'),
    ('Shippo', 'Shippo API Tokens'),
    ('Shopee', 'Shopee Partner Key'),
    ('Shopify', 'Shopify Tokens and Secrets'),
    ('Siemens', 'Siemens API Token'),
    ('Sindri', 'Sindri API Key'),
    ('Slack', 'Slack Tokens and Webhooks'),
    ('Snowflake', 'Snowflake Programmatic Access Token'),
    ('Sourcegraph', 'Sourcegraph Tokens'),
    ('Square', 'Square Access Token; Application Secret'),
    ('SSLMate', 'SSLMate API Key'),
    ('Stripe', 'Stripe Keys; Webhook Signing Secret'),
    ('Supabase', 'Supabase Keys'),
    ('Tableau', 'Tableau Personal Access Token'),
    ('Tailscale', 'Tailscale API Key'),
    ('Telegram', 'Telegram Bot Token'),
    ('Telnyx', 'Telnyx API V2 Key'),
    ('Temporal', 'Temporal Cloud API Key'),
    ('Tencent', 'Tencent Cloud Secret ID; WeChat'),
    ('Thunderstore', 'Thunderstore API Token'),
    ('Twilio', 'Twilio Keys'),
    ('Typeform', 'Typeform Personal Access Token'),
    ('Uniwise', 'WISEflow API Key'),
    ('Unkey', 'Unkey Root Key'),
    ('Val Town', 'Val Town API Token'),
    ('Vercel', 'Vercel Tokens'),
    ('VolcEngine', 'VolcEngine Keys'),
    ('Wakatime', 'WakaTime Keys'),
    ('Weatherstack', 'Weatherstack API Key'),
    ('Weights & Biases', 'W&B API Key'),
    ('Workato', 'Workato Developer API Token'),
    ('WorkOS', 'WorkOS API Keys'),
    ('WSO2', 'Choreo Personal Access Token'),
    ('xAI', 'xAI API Key'),
    ('Yandex', 'Yandex.Cloud Keys'),
    ('ZenHub', 'ZenHub Personal API Key'),
]

# Names a provider's rules go by when they do not carry its listed name.
ALIASES = {
    "amazonaws": ["aws"],
    "brevo": ["sendinblue", "brevo"],
    "canadiandigitalservice": ["cdsnotify", "notify"],
    "cfxre": ["cfx"],
    "checkoutcom": ["checkout"],
    "cockroachlabs": ["cockroach"],
    "cratesio": ["crates"],
    "definednetworking": ["nebula", "definednet"],
    "hashicorp": ["vault", "terraform", "hcp"],
    "huggingface": ["huggingface", "hf"],
    "iterative": ["dvc"],
    "langchain": ["langsmith", "langchain"],
    "loginwithamazon": ["amazonoauth", "amzn"],
    "microsoft": ["powerautomate", "msteams", "microsoft"],
    "mistralai": ["mistral"],
    "persona": ["persona"],
    "uniwise": ["wiseflow"],
    "weightsbiases": ["wandb", "weightsandbiases"],
    "wso2": ["choreo"],
    "valtown": ["valtown"],
}


def norm(text):
    return re.sub(r"[^a-z0-9]", "", text.lower())


def rule_names(rules_dir):
    """Every rule's id, keywords, tags and file name, normalised, with the rule id."""
    names = []
    for path in sorted(rules_dir.glob("**/*.toml")):
        try:
            data = tomllib.loads(path.read_text())
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            sys.exit(f"coverage: {path}: {e}")
        names.append((norm(path.stem), path.stem))
        for rule in data.get("rules", []):
            rid = rule.get("id", "")
            for word in [rid, *rule.get("keywords", []), *rule.get("tags", [])]:
                if len(norm(word)) >= 3:
                    names.append((norm(word), rid))
    return names


def covering(provider, names):
    keys = ALIASES.get(norm(provider), []) + [norm(provider)]
    return sorted({rid for n, rid in names for k in keys if k and k in n})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", default=str(ROOT / "rules" / "secrets"))
    ap.add_argument("--range", default="A-Z", help="first letters to list, e.g. A-L")
    ap.add_argument("--covered", action="store_true", help="also list covered providers")
    args = ap.parse_args()
    m = re.fullmatch(r"([A-Za-z])-([A-Za-z])", args.range)
    if not m:
        sys.exit(f"coverage: --range {args.range!r}: expected two letters like A-L")
    lo, hi = m.group(1).upper(), m.group(2).upper()
    names = rule_names(pathlib.Path(args.rules))
    missing = 0
    listed = 0
    for provider, issues in PROVIDERS:
        first = norm(provider)[:1].upper()
        if first.isdigit():
            first = "A"
        if not lo <= first <= hi:
            continue
        listed += 1
        rules = covering(provider, names)
        if not rules:
            missing += 1
            print(f"MISSING  {provider}: {issues}")
        elif args.covered:
            print(f"covered  {provider}: {', '.join(rules[:6])}")
    print(f"{listed - missing}/{listed} providers in {lo}-{hi} have a rule; {missing} missing")


if __name__ == "__main__":
    main()
