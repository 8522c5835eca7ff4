stripe_secret_key = os.environ["STRIPE_SECRET_KEY"]
const githubToken = process.env.GITHUB_TOKEN;
SLACK_BOT_TOKEN=$(cat /run/secrets/slack_bot_token)
password = ""
aws_secret_access_key = settings.AWS_SECRET_ACCESS_KEY
aws_secret_access_key = vault.read("secret/data/aws-secret-access-key")["data"]["value"]
twilio_auth_token = getpass.getpass("twilio-auth-token: ")
export DATADOG_API_KEY="$DATADOG_API_KEY"
  value: {{ .Values.secrets.mailgun_api_key | b64enc }}
password = ""
mailgun_api_key = config.get("mailgun-api-key")
  anthropic_api_key = var.anthropic_api_key
heroku_api_key = os.getenv("HEROKU_API_KEY")
heroku_api_key = config.get("heroku-api-key")
database_password = config.get("database-password")
database_password = vault.read("secret/data/database-password")["data"]["value"]
export CLOUDFLARE_API_TOKEN="$CLOUDFLARE_API_TOKEN"
vaultToken: process.env.VAULT_TOKEN ?? ''
dd_app_key = None
shopify_access_token = config.get("shopify-access-token")
