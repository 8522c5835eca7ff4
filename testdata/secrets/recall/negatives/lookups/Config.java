password = ""
stripe_secret_key = None
GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
OPENAI_API_KEY: ${OPENAI_API_KEY}
slack_bot_token = None
sendgrid_api_key = getpass.getpass("sendgrid-api-key: ")
datadog_api_key = getpass.getpass("datadog-api-key: ")
String mailgunApiKey = System.getenv("MAILGUN_API_KEY");
gitlab_token = os.getenv("GITLAB_TOKEN")
JWT_SECRET: ${{ secrets.JWT_SECRET }}
cloudflare_api_token = os.getenv("CLOUDFLARE_API_TOKEN")
String vaultToken = System.getenv("VAULT_TOKEN");
paypal_client_secret = getpass.getpass("paypal-client-secret: ")
String ddAppKey = System.getenv("DD_APP_KEY");
DD_APP_KEY: ${DD_APP_KEY}
groq_api_key = os.getenv("GROQ_API_KEY")
password = ""
shopify_access_token = read_secret("shopify-access-token")
export AZURE_CLIENT_SECRET="$AZURE_CLIENT_SECRET"
