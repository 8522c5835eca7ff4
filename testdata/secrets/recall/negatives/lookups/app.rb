OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}
export SLACK_BOT_TOKEN="$SLACK_BOT_TOKEN"
twilio_auth_token = config.get("twilio-auth-token")
twilio_auth_token = read_secret("twilio-auth-token")
DATADOG_API_KEY: ${{ secrets.DATADOG_API_KEY }}
gitlab_token = read_secret("gitlab-token")
  value: {{ .Values.secrets.gitlab_token | b64enc }}
ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}
anthropic_api_key = ENV.fetch("ANTHROPIC_API_KEY")
sentry_auth_token: !vault | $ANSIBLE_VAULT;1.1;AES256
password = ""
database_password = settings.DATABASE_PASSWORD
cloudflare_api_token = ENV.fetch("CLOUDFLARE_API_TOKEN")
vault_token = os.environ["VAULT_TOKEN"]
paypal_client_secret = None
const ddAppKey = process.env.DD_APP_KEY;
shopify_access_token = os.environ["SHOPIFY_ACCESS_TOKEN"]
