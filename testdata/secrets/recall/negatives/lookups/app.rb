stripe_secret_key = os.getenv("STRIPE_SECRET_KEY")
GITHUB_TOKEN: ${GITHUB_TOKEN}
github_token = getpass.getpass("github-token: ")
openai_api_key = vault.read("secret/data/openai-api-key")["data"]["value"]
slack_bot_token = config.get("slack-bot-token")
export SENDGRID_API_KEY="$SENDGRID_API_KEY"
twilio_auth_token = os.environ["TWILIO_AUTH_TOKEN"]
const twilioAuthToken = process.env.TWILIO_AUTH_TOKEN;
datadog_api_key = settings.DATADOG_API_KEY
mailgun_api_key = os.getenv("MAILGUN_API_KEY")
npm_token = read_secret("npm-token")
String herokuApiKey = System.getenv("HEROKU_API_KEY");
sentry_auth_token = os.environ["SENTRY_AUTH_TOKEN"]
VAULT_TOKEN: ${VAULT_TOKEN}
vault_token = vault.read("secret/data/vault-token")["data"]["value"]
password = ""
hfToken: process.env.HF_TOKEN ?? ''
export HF_TOKEN="$HF_TOKEN"
