OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}
openaiApiKey: process.env.OPENAI_API_KEY ?? ''
sendgrid_api_key = settings.SENDGRID_API_KEY
export TWILIO_AUTH_TOKEN="$TWILIO_AUTH_TOKEN"
  datadog_api_key = var.datadog_api_key
NPM_TOKEN: ${NPM_TOKEN}
password = ""
export GITLAB_TOKEN="$GITLAB_TOKEN"
gitlab_token: !vault | $ANSIBLE_VAULT;1.1;AES256
anthropic_api_key = os.getenv("ANTHROPIC_API_KEY")
password = ""
sentry_auth_token = getpass.getpass("sentry-auth-token: ")
password = ""
sentry_auth_token = read_secret("sentry-auth-token")
JWT_SECRET: ${JWT_SECRET}
cloudflareApiToken: process.env.CLOUDFLARE_API_TOKEN ?? ''
shopify_access_token = vault.read("secret/data/shopify-access-token")["data"]["value"]
azure_client_secret = config.get("azure-client-secret")
const azureClientSecret = process.env.AZURE_CLIENT_SECRET;
