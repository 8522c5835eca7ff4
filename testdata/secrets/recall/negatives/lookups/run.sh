slack_bot_token = read_secret("slack-bot-token")
aws_secret_access_key = settings.AWS_SECRET_ACCESS_KEY
twilio_auth_token = os.environ["TWILIO_AUTH_TOKEN"]
datadogApiKey: process.env.DATADOG_API_KEY ?? ''
MAILGUN_API_KEY=$(cat /run/secrets/mailgun_api_key)
mailgun_api_key = vault.read("secret/data/mailgun-api-key")["data"]["value"]
npm_token: !vault | $ANSIBLE_VAULT;1.1;AES256
cloudflare_api_token: !vault | $ANSIBLE_VAULT;1.1;AES256
AZURE_CLIENT_SECRET: ${AZURE_CLIENT_SECRET}
