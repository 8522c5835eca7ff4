export STRIPE_SECRET_KEY="$STRIPE_SECRET_KEY"
GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
  openai_api_key = var.openai_api_key
slack_bot_token = settings.SLACK_BOT_TOKEN
DATADOG_API_KEY: ${DATADOG_API_KEY}
password = ""
export MAILGUN_API_KEY="$MAILGUN_API_KEY"
npm_token = os.getenv("NPM_TOKEN")
anthropic_api_key = getpass.getpass("anthropic-api-key: ")
password = ""
anthropic_api_key = read_secret("anthropic-api-key")
SENTRY_AUTH_TOKEN: ${SENTRY_AUTH_TOKEN}
databasePassword: process.env.DATABASE_PASSWORD ?? ''
hf_token = vault.read("secret/data/hf-token")["data"]["value"]
groq_api_key = config.get("groq-api-key")
const groqApiKey = process.env.GROQ_API_KEY;
shopify_access_token = None
