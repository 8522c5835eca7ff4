  value: {{ .Values.secrets.github_token | b64enc }}
openai_api_key = ENV.fetch("OPENAI_API_KEY")
slack_bot_token = vault.read("secret/data/slack-bot-token")["data"]["value"]
sendgrid_api_key = os.environ["SENDGRID_API_KEY"]
twilio_auth_token = read_secret("twilio-auth-token")
  npm_token = var.npm_token
heroku_api_key = None
herokuApiKey: process.env.HEROKU_API_KEY ?? ''
  jwt_secret = var.jwt_secret
  value: {{ .Values.secrets.cloudflare_api_token | b64enc }}
vault_token = config.get("vault-token")
  value: {{ .Values.secrets.paypal_client_secret | b64enc }}
paypal_client_secret = config.get("paypal-client-secret")
  hf_token = var.hf_token
  value: {{ .Values.secrets.groq_api_key | b64enc }}
const shopifyAccessToken = process.env.SHOPIFY_ACCESS_TOKEN;
