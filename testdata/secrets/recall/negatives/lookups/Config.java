slack_bot_token = getpass.getpass("slack-bot-token: ")
sendgrid_api_key = getpass.getpass("sendgrid-api-key: ")
mailgun_api_key = os.getenv("MAILGUN_API_KEY")
SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}
database_password = os.getenv("DATABASE_PASSWORD")
String jwtSecret = System.getenv("JWT_SECRET");
cloudflare_api_token = getpass.getpass("cloudflare-api-token: ")
String vaultToken = System.getenv("VAULT_TOKEN");
VAULT_TOKEN: ${VAULT_TOKEN}
dd_app_key = os.getenv("DD_APP_KEY")
password = ""
hf_token = read_secret("hf-token")
export GROQ_API_KEY="$GROQ_API_KEY"
password = ""
  azure_client_secret = var.azure_client_secret
const azureClientSecret = process.env.AZURE_CLIENT_SECRET;
